using System.Globalization;
using Tuner.Search.Pruners.SuccessiveHalving;
using static System.FormattableString;

namespace Tuner.Search.Pruners.Hyperband;

/// <summary>
/// Hyperband (Li et al., JMLR 18(185), 2018) after optuna/pruners/_hyperband.py: trials are spread over brackets,
/// bracket b being a <see cref="SuccessiveHalvingPruner"/> with minEarlyStoppingRate b, and each trial competes only
/// with the trials of its own bracket. There are floor(log_reductionFactor(maxResource / minResource)) + 1 brackets,
/// computed in integers (Optuna's floating-point log can come out one lower at exact powers, e.g. 1000 = 10^3).
/// Bracket b receives a share ceil(n * reductionFactor^s / (s + 1)) of the trials, s = n - 1 - b, as in Optuna.
/// <para>
/// A trial's bracket is deterministic: CRC-32 (Python's binascii.crc32) of the UTF-8 text
/// "{studyName}_{trialNumber}", modulo the sum of the shares, walked through the shares in bracket order; with the
/// same study name a trial lands in the same bracket as in Optuna. Stateless like the successive-halving pruner,
/// so trials may report out of order. maxResource is the trials' number of steps (Optuna's "auto" is not offered).
/// </para>
/// </summary>
public sealed class HyperbandPruner : IPruner
{
    private readonly SuccessiveHalvingPruner[] brackets;
    private readonly int[] shares;

    public HyperbandPruner(int maxResource, int minResource = 1, int reductionFactor = 3, int bootstrapCount = 0, string studyName = "")
    {
        Check(minResource >= 1, Invariant($"minResource must be at least 1, but got minResource={minResource}"), nameof(minResource));
        Check(maxResource >= minResource, Invariant($"maxResource must be at least minResource, but got maxResource={maxResource}, minResource={minResource}"), nameof(maxResource));
        Check(reductionFactor >= 2, Invariant($"reductionFactor must be at least 2, but got reductionFactor={reductionFactor}"), nameof(reductionFactor));
        Check(bootstrapCount >= 0, Invariant($"bootstrapCount must not be negative, but got bootstrapCount={bootstrapCount}"), nameof(bootstrapCount));
        ArgumentNullException.ThrowIfNull(studyName);
        (MinResource, MaxResource, ReductionFactor, BootstrapCount, StudyName) = (minResource, maxResource, reductionFactor, bootstrapCount, studyName);

        var count = 1;
        for (long resource = (long)minResource * reductionFactor; resource <= maxResource; resource *= reductionFactor)
        {
            count++;
        }

        brackets = Enumerable.Range(0, count).Select(b => new SuccessiveHalvingPruner(minResource, reductionFactor, b, bootstrapCount)).ToArray();
        shares = Enumerable.Range(0, count).Select(b => Share(count, reductionFactor, count - 1 - b)).ToArray();
    }

    public int MinResource { get; }

    public int MaxResource { get; }

    public int ReductionFactor { get; }

    public int BootstrapCount { get; }

    /// <summary>Mixed into the bracket hash, as Optuna mixes its study name.</summary>
    public string StudyName { get; }

    public int BracketCount => brackets.Length;

    /// <summary>The bracket (0-based, the successive-halving minEarlyStoppingRate) of a trial number.</summary>
    public int BracketOf(int trialNumber)
    {
        var n = (long)(Crc32.Of(StudyName + "_" + trialNumber.ToString(CultureInfo.InvariantCulture)) % (ulong)shares.Sum(s => (long)s));
        for (var bracket = 0; bracket < shares.Length; bracket++)
        {
            n -= shares[bracket];
            if (n < 0)
            {
                return bracket;
            }
        }

        throw new InvalidOperationException("unreachable: the hash is below the sum of the shares");
    }

    public bool ShouldPrune(PruningContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var bracket = BracketOf(context.Trial.Number);
        var sameBracket = context.Trials.Where(t => BracketOf(t.Number) == bracket).ToList();
        return brackets[bracket].ShouldPrune(context with { Trials = sameBracket });
    }

    private static int Share(int bracketCount, int reductionFactor, int s) =>
        (int)Math.Min(int.MaxValue / 64, Math.Ceiling(bracketCount * Math.Pow(reductionFactor, s) / (s + 1)));

    private static void Check(bool valid, string message, string name)
    {
        if (!valid)
        {
            throw new ArgumentOutOfRangeException(name, message);
        }
    }
}

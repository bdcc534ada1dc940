using static System.FormattableString;

namespace Tuner.Search.Samplers.Tpe;

/// <summary>
/// Settings of <see cref="TpeSampler"/>, with Optuna's TPESampler defaults (optuna/samplers/_tpe/sampler.py).
/// <paramref name="StartupTrials"/>: finished (Complete or Pruned) trials sampled at random before TPE starts.
/// <paramref name="EiCandidates"/>: candidates drawn from l(x) per suggestion; the one maximizing l(x)/g(x) wins.
/// <paramref name="PriorWeight"/>: weight of the prior kernel (uniform-ish over the range) in each Parzen mixture.
/// <paramref name="Multivariate"/>: model the parameters seen in every finished trial jointly instead of one by one.
/// <paramref name="Group"/>: with <paramref name="Multivariate"/>, split the parameters into groups that always
/// occur together, so each conditional branch gets its own joint model (Optuna's group=True).
/// <paramref name="ConstantLiar"/>: count pending (Waiting/Running) trials as bad ones, so parallel asks spread out.
/// <paramref name="ConsiderEndpoints"/>: let the range ends widen the bandwidth of the outermost kernels.
/// <paramref name="ConsiderMagicClip"/>: keep bandwidths at least range / min(100, 1 + kernels).
/// <paramref name="GammaFraction"/> and <paramref name="GammaCap"/>: the number of "good" trials is
/// min(ceil(GammaFraction · n), GammaCap) out of n finished ones (Optuna's default_gamma: 0.1 and 25).
/// </summary>
public sealed record TpeOptions(
    int StartupTrials = 10,
    int EiCandidates = 24,
    double PriorWeight = 1.0,
    bool Multivariate = false,
    bool Group = false,
    bool ConstantLiar = true,
    bool ConsiderEndpoints = false,
    bool ConsiderMagicClip = true,
    double GammaFraction = 0.1,
    int GammaCap = 25)
{
    /// <summary>Every problem with these settings; empty when they are valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (StartupTrials < 0)
        {
            problems.Add(Invariant($"StartupTrials must be at least 0, but got StartupTrials={StartupTrials}"));
        }

        if (EiCandidates < 1)
        {
            problems.Add(Invariant($"EiCandidates must be at least 1, but got EiCandidates={EiCandidates}"));
        }

        if (!(double.IsFinite(PriorWeight) && PriorWeight >= 0))
        {
            problems.Add(Invariant($"PriorWeight must be a finite number of at least 0, but got PriorWeight={PriorWeight}"));
        }

        if (Group && !Multivariate)
        {
            problems.Add("Group can only be enabled together with Multivariate, but got Group=true, Multivariate=false");
        }

        if (!(GammaFraction > 0 && GammaFraction <= 1))
        {
            problems.Add(Invariant($"GammaFraction must be in (0, 1], but got GammaFraction={GammaFraction}"));
        }

        if (GammaCap < 1)
        {
            problems.Add(Invariant($"GammaCap must be at least 1, but got GammaCap={GammaCap}"));
        }

        return problems;
    }

    /// <summary>How many of <paramref name="finished"/> trials count as good: min(ceil(GammaFraction · n), GammaCap).</summary>
    public int Gamma(int finished) => (int)Math.Min(Math.Ceiling(GammaFraction * finished), GammaCap);
}

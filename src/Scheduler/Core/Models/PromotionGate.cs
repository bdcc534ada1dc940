using System.Globalization;
using Tuner.Search;

namespace Tuner.Core.Models;

/// <summary>
/// The promotion rule, one place: a challenger passes when it beats the champion on the objective by more than zero
/// and at least the margin, with both scored on the same data, and when no guarded secondary metric is worse than the
/// champion's by more than its tolerance. With no champion yet, the first challenger passes.
/// </summary>
public static class PromotionGate
{
    /// <param name="challenger">The challenger's metrics on the run's validation data.</param>
    /// <param name="champion">The champion's metrics re-scored on the same data; null when there is no champion.</param>
    public static PromotionVerdict Judge(
        string metric, StudyDirection direction, PromotionPolicy policy,
        IReadOnlyDictionary<string, double> challenger, IReadOnlyDictionary<string, double>? champion)
    {
        if (!challenger.TryGetValue(metric, out var challengerValue))
            return new(false, $"the challenger's evaluation reported no {metric}");
        if (champion is null)
            return new(true, $"no champion yet: the challenger scored {metric} = {Format(challengerValue)}");
        if (!champion.TryGetValue(metric, out var championValue))
            return new(false, $"the champion's re-scoring reported no {metric}");

        var gain = Gain(direction, challengerValue, championValue);
        var comparison = $"{metric} {Format(challengerValue)} against the champion's {Format(championValue)} on the same data";
        if (gain <= 0)
            return new(false, $"{comparison}: {(gain == 0 ? "no better" : $"worse by {Format(-gain)}")}");
        if (gain < policy.Margin)
            return new(false, $"{comparison}: better by {Format(gain)}, less than the margin {Format(policy.Margin)}");

        foreach (var guard in policy.Guards)
        {
            if (!challenger.TryGetValue(guard.Metric, out var mine) || !champion.TryGetValue(guard.Metric, out var theirs))
                return new(false, $"{comparison}, but the guarded metric {guard.Metric} was not reported by both");
            var regression = -Gain(guard.Direction, mine, theirs);
            if (regression > guard.Tolerance)
            {
                return new(false,
                    $"{comparison}, but {guard.Metric} regressed from {Format(theirs)} to {Format(mine)}, by {Format(regression)}, more than its tolerance {Format(guard.Tolerance)}");
            }
        }

        var margin = policy.Margin > 0 ? $", at least the margin {Format(policy.Margin)}" : "";
        var guarded = policy.Guards.Count > 0 ? $"; {string.Join(", ", policy.Guards.Select(g => g.Metric))} within tolerance" : "";
        return new(true, $"{comparison}: better by {Format(gain)}{margin}{guarded}");
    }

    /// <summary>How much better <paramref name="value"/> is than <paramref name="reference"/> in <paramref name="direction"/>.</summary>
    public static double Gain(StudyDirection direction, double value, double reference) =>
        direction == StudyDirection.Maximize ? value - reference : reference - value;

    private static string Format(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);
}

using Tuner.Core.Model;
using Tuner.Scheduler.Api.OpenApi;

namespace Tuner.Scheduler.Api.Contracts;

/// <summary>Learning curves: the reported objective per epoch of up to the trials asked for. <paramref name="TrialCount"/>
/// counts the sweep's trials with reports; <paramref name="Selection"/> says whether all are shown or the best half and
/// an even sample of the rest.</summary>
public sealed record SweepCurves(
    string Metric,
    int TrialCount,
    int Shown,
    [property: OpenApiEnum(typeof(CurveSelections))] string Selection,
    IReadOnlyList<TrialCurve> Curves);

/// <summary>One trial's curve: <paramref name="Points"/> are [epoch, reported value] pairs, ascending by epoch (down-sampled
/// above the points asked for, keeping the first and last). <paramref name="PrunedAtStep"/>: a pruned trial's last
/// reported epoch; null for any other state.</summary>
public sealed record TrialCurve(
    long TrialId,
    int Number,
    [property: OpenApiEnum(typeof(TrialStatus))] string State,
    double? Value,
    int? PrunedAtStep,
    IReadOnlyList<double[]> Points);

/// <summary>Which trials a <see cref="SweepCurves"/> shows.</summary>
public static class CurveSelections
{
    public const string All = "all";
    public const string BestAndSample = "best-and-sample";
}

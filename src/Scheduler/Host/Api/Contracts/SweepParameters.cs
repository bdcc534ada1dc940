using Tuner.Scheduler.Api.OpenApi;

namespace Tuner.Scheduler.Api.Contracts;

/// <summary>The search space, complete trials' parameters and values (up to the rows asked for: the best quarter and an
/// even sample of the rest), and the parameters' importance over the complete trials.</summary>
public sealed record SweepParameters(
    string Objective,
    [property: OpenApiEnum(typeof(ObjectiveDirections))] string Direction,
    int TrialCount,
    int Shown,
    IReadOnlyList<ParameterView> Parameters,
    IReadOnlyList<ParameterRow> Rows,
    ParameterImportanceView? Importance);

/// <summary>One parameter of the search space: its bounds and scale (float, int) or its choices (categorical).</summary>
public sealed record ParameterView(
    string Name,
    [property: OpenApiEnum(typeof(ParameterTypes))] string Type,
    double? Low,
    double? High,
    bool Log,
    IReadOnlyList<object>? Choices);

/// <summary>One complete trial: its parameters and objective value.</summary>
public sealed record ParameterRow(long TrialId, int Number, double Value, IReadOnlyDictionary<string, object> Params);

/// <summary>Each parameter's share of the objective's variance, largest first; they sum to 1, or are all 0 when the
/// objective does not vary. <paramref name="Method"/> names how they were estimated, and <paramref name="Trials"/> on
/// how many complete trials: all of them, or an even sample by number of 5,000 when there are more.</summary>
public sealed record ParameterImportanceView(string Method, int Trials, IReadOnlyList<ImportanceValue> Values);

public sealed record ImportanceValue(string Name, double Importance);

/// <summary>The kinds of parameter, as the API writes them.</summary>
public static class ParameterTypes
{
    public const string Float = "float";
    public const string Int = "int";
    public const string Categorical = "categorical";
}

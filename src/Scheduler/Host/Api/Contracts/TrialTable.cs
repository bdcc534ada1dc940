using Tuner.Core.Model;
using Tuner.Scheduler.Api.OpenApi;

namespace Tuner.Scheduler.Api.Contracts;

/// <summary>One page of a sweep's trials as the trial table shows them, sorted by the server; <paramref name="Total"/>
/// counts the trials that match the filter.</summary>
public sealed record TrialTable(int Total, int Offset, IReadOnlyList<TrialTableRow> Items);

/// <summary>One trial in the table. <paramref name="Epochs"/>: its last reported epoch (0 before any);
/// <paramref name="CostUsd"/>: the ledger's lines charged to its runs (null when none);
/// <paramref name="Checkpoint"/>: it keeps a live checkpoint.</summary>
public sealed record TrialTableRow(
    long TrialId,
    int Number,
    [property: OpenApiEnum(typeof(TrialStatus))] string State,
    IReadOnlyDictionary<string, object> Params,
    double? Value,
    int Epochs,
    int? BestEpoch,
    int Preemptions,
    decimal? CostUsd,
    bool Checkpoint);

/// <summary>The columns the trial table sorts by.</summary>
public static class TrialTableSorts
{
    public const string Number = "number";
    public const string Value = "value";
    public const string State = "state";
    public const string Epochs = "epochs";
    public const string Preemptions = "preemptions";
    public const string CostUsd = "costUsd";
}

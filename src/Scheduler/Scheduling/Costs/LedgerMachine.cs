using Tuner.Core.Capacity;
using Tuner.Core.Costs;

namespace Tuner.Scheduling.Costs;

/// <summary>A machine the ledger charges: a capacity instance, or a worker started by hand (its own machine).</summary>
/// <param name="Key">As <see cref="Tuner.Core.Model.CostEntry.Machine"/>.</param>
/// <param name="WorkerIds">Null: the workers whose instance is <paramref name="InstanceId"/>.</param>
/// <param name="End">When it ended; null while it runs.</param>
/// <param name="EndEstimated">It vanished without Tuner ending it: <paramref name="End"/> is its last sign of life.</param>
/// <param name="LaunchedFor">The sweep whose demand launched it, which pays for its start-up.</param>
internal sealed record LedgerMachine(
    string Key,
    string Pool,
    string? InstanceId,
    IReadOnlyList<string>? WorkerIds,
    DateTimeOffset Start,
    DateTimeOffset? End,
    bool EndEstimated,
    long? LaunchedFor,
    CapacityMarket Market,
    MachinePrice Price)
{
    public static string InstanceKey(long id) => $"instance/{id}";

    public static string WorkerKey(string id) => $"worker/{id}";
}

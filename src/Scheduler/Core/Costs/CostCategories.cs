namespace Tuner.Core.Costs;

/// <summary>The lines a sweep's spending splits into; they add up to the compute total.</summary>
public static class CostCategories
{
    public const string Complete = "complete";
    public const string Pruned = "pruned";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";

    /// <summary>Trials still waiting or running.</summary>
    public const string InProgress = "in_progress";

    /// <summary>Work done after a run's last checkpoint by runs cut short by a preemption or a lost worker: redone on resume.</summary>
    public const string LostToPreemption = "lost_to_preemption";
    public const string StartUp = "start_up";
    public const string Idle = "idle";

    public static IReadOnlyList<string> All { get; } = [Complete, Pruned, Failed, Cancelled, InProgress, LostToPreemption, StartUp, Idle];
}

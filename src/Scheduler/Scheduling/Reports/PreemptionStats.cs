namespace Tuner.Scheduling.Reports;

/// <summary>How a sweep fared against preemptions.</summary>
/// <param name="Trials">Trials that ran at least once.</param>
/// <param name="Notices">Runs that ended on a notice (SIGTERM, spot notice): checkpointed and handed back.</param>
/// <param name="Kills">Runs lost without notice (SIGKILL, a vanished machine): resumed from the last checkpoint.</param>
/// <param name="RecoverySeconds">For each preempted run that was resumed: seconds from the preemption (the notice, or
/// the kill) until the trial's next run trained its first batch on another worker.</param>
/// <param name="UsefulEpochs">Epochs in the trials' final histories.</param>
/// <param name="ComputedEpochs">Epochs trained in all: the useful ones plus the work killed runs did after their last
/// checkpoint (trained again after the resume), converted at each trial's own seconds per epoch.</param>
public sealed record PreemptionStats(
    int Trials,
    int Runs, int Notices, int Kills, IReadOnlyList<double> RecoverySeconds, double UsefulEpochs, double ComputedEpochs)
{
    /// <summary>Useful epochs / epochs computed; 1 when nothing was lost.</summary>
    public double Goodput => ComputedEpochs > 0 ? UsefulEpochs / ComputedEpochs : 1;

    public double? MedianRecoverySeconds => Median(RecoverySeconds);

    private static double? Median(IReadOnlyList<double> values)
    {
        if (values.Count == 0) return null;
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}

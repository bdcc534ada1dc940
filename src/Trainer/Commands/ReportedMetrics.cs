namespace Tuner.Trainer.Commands;

/// <summary>One step's metrics as a program printed them. <paramref name="Step"/> is null when the line named no step
/// (Katib-style <c>name=value</c> lines may omit it): the runner numbers it the last step + 1.</summary>
public sealed record ReportedMetrics(int? Step, IReadOnlyDictionary<string, double> Metrics);

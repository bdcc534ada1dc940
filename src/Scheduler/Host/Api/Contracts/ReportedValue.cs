namespace Tuner.Scheduler.Api.Contracts;

public sealed record ReportedValue(int Step, double Value, IReadOnlyDictionary<string, double> Metrics, double Seconds);

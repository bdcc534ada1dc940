namespace Tuner.Core.Definitions;

/// <summary>
/// The local provider's simulated spot market: each worker process is preempted at random, at
/// <paramref name="PreemptionsPerHour"/> per worker-hour (exponential inter-arrival times). A preemption sends SIGTERM
/// (the notice) and SIGKILL when <paramref name="Notice"/> runs out; a zero notice sends SIGKILL at once.
/// </summary>
public sealed record SpotMarketSection(double PreemptionsPerHour, TimeSpan Notice);

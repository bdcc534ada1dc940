namespace Tuner.Scheduler.Api.Contracts;

public sealed record TrialCounts(int Waiting, int Running, int Complete, int Pruned, int Failed, int Cancelled, int Preemptions, int LostRuns = 0);

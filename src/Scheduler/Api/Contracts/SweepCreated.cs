namespace Tuner.Scheduler.Api.Contracts;

public sealed record SweepCreated(long Id, string Name, string State);

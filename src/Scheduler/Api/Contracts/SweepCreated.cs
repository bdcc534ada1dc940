using Tuner.Scheduler.Api.OpenApi;
using Tuner.Scheduler.Data.Entities;

namespace Tuner.Scheduler.Api.Contracts;

public sealed record SweepCreated(long Id, string Name, [property: OpenApiEnum(typeof(SweepState))] string State);

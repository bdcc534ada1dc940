using Microsoft.EntityFrameworkCore;
using Tuner.Scheduling.Capacity;
using Tuner.Persistence;
using Tuner.Core.Model;
using Tuner.Core.Definitions;
using Tuner.Core.Queueing;

namespace Tuner.Scheduling.Sweeps;

/// <summary>Stores a validated sweep, with its warm start's configurations (<see cref="WarmStarts"/>), and starts its
/// first orchestration pass. A rejected definition stores nothing.
/// An unseeded sweep gets its seed here, once, so every process that plans it draws the same trials.</summary>
public sealed class SweepSubmission(IDbContextFactory<TunerDbContext> contexts, IJobQueue queue, WarmStarts warmStarts, TimeProvider clock)
{
    public async Task<Sweep> SubmitAsync(SweepDefinition definition, string definitionText, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var sweep = await StoreAsync(db, definition, definitionText, ct);
        await transaction.CommitAsync(ct);
        Start(sweep);
        return sweep;
    }

    /// <summary>Stores the sweep and its warm start in the caller's transaction (a schedule's firing records its run in
    /// the same one, so a crash leaves both or neither); <see cref="Start"/> it once that commits.</summary>
    public async Task<Sweep> StoreAsync(TunerDbContext db, SweepDefinition definition, string definitionText, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var sweep = new Sweep
        {
            Name = definition.Name,
            State = SweepState.Running,
            DefinitionText = definitionText,
            Objective = definition.Objective.Metric,
            Maximize = definition.Objective.Direction == Search.StudyDirection.Maximize,
            MaxTrials = definition.Budget.MaxTrials,
            Parallelism = definition.Budget.Parallelism,
            CreatedAt = now,
            Deadline = definition.Budget.Deadline is { } deadline ? now + deadline : null,
            Seed = definition.Sampler.Seed ?? Random.Shared.Next(),
            MaxCostUsd = definition.Budget.Cost?.MaxUsd,
            LabelsJson = System.Text.Json.JsonSerializer.Serialize(definition.Labels),
        };
        var pool = await CapacityPools.UpsertAsync(db, definition.Capacity, definition.Labels, now, ct);
        sweep.Pool = pool.Name;
        db.Sweeps.Add(sweep);
        await db.SaveChangesAsync(ct);
        await warmStarts.QueueAsync(db, sweep, definition, ct);
        await db.SaveChangesAsync(ct);
        return sweep;
    }

    /// <summary>Starts a stored sweep's first orchestration pass (after its transaction commits).</summary>
    public void Start(Sweep sweep) => queue.EnqueueOrchestration(sweep.Id);

    /// <summary>Asks a running sweep to stop: waiting trials are cancelled, running ones stop at the end of their epoch (or at their next heartbeat, if sooner).</summary>
    public async Task<bool> CancelAsync(long sweepId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var changed = await db.Sweeps.Where(s => s.Id == sweepId && (s.State == SweepState.Running || s.State == SweepState.Paused))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.State, SweepState.Cancelling)
                .SetProperty(x => x.StopReason, StopReasons.CancelledByRequest), ct);
        if (changed == 1)
        {
            queue.EnqueueOrchestration(sweepId);
        }

        return changed == 1;
    }
}

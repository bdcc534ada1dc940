using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tuner.Core.Model;
using Tuner.Core.Queueing;
using Tuner.Persistence;
using Tuner.Search.Spaces;

namespace Tuner.Scheduling.Sweeps;

/// <summary>What queuing a configuration did: the row and its typed values, how many wait before it, or why it was refused.</summary>
/// <param name="Full">The sweep has no trials left for it within max_trials.</param>
/// <param name="NotQueueable">The sweep's state when it cannot take configurations (Completed, Cancelling, Cancelled).</param>
public sealed record QueuedResult(
    QueuedConfiguration? Queued, IReadOnlyDictionary<string, object> Values, int Ahead, IReadOnlyList<SearchSpaceProblem> Problems,
    SweepState? NotQueueable, bool Full);

/// <summary>
/// Queues configurations for a sweep to evaluate before it asks its sampler again (Optuna's enqueue_trial):
/// checked against the sweep's search space, stored, and taken by the next orchestration pass, oldest first.
/// </summary>
public sealed class ConfigurationQueue(IDbContextFactory<TunerDbContext> contexts, SweepPlans plans, IJobQueue queue, TimeProvider clock)
{
    /// <returns>Null when there is no such sweep.</returns>
    public async Task<QueuedResult?> EnqueueAsync(long sweepId, JsonElement parameters, string source, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var plan = await plans.LoadAsync(db, sweepId, ct);
        if (plan is null) return null;
        var (values, problems) = QueuedParams.Read(parameters, plan.Space);
        if (problems.Count > 0) return new QueuedResult(null, values, 0, problems, null, false);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var sweep = await db.LockSweepAsync(sweepId, ct);
        if (sweep is null) return null;
        if (sweep.State is not (SweepState.Running or SweepState.Paused)) return new QueuedResult(null, values, 0, [], sweep.State, false);

        var ahead = await db.QueuedConfigurations.CountAsync(q => q.SweepId == sweepId && q.TrialId == null, ct);
        var trials = await db.Trials.CountAsync(t => t.SweepId == sweepId, ct);
        var queued = new QueuedConfiguration { SweepId = sweepId, ParamsJson = ParamsJson.Serialize(values), Source = source, CreatedAt = clock.GetUtcNow() };
        db.QueuedConfigurations.Add(queued);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        if (sweep.State == SweepState.Running) queue.EnqueueOrchestration(sweepId);
        return new QueuedResult(queued, values, ahead, [], null, trials + ahead >= sweep.MaxTrials);
    }

    /// <summary>The sweep's waiting configurations, oldest first, at most <paramref name="count"/> (for a pass, under the sweep's lock).</summary>
    public static Task<List<QueuedConfiguration>> NextAsync(TunerDbContext db, long sweepId, int count, CancellationToken ct) =>
        db.QueuedConfigurations.Where(q => q.SweepId == sweepId && q.TrialId == null).OrderBy(q => q.Id).Take(count).ToListAsync(ct);
}

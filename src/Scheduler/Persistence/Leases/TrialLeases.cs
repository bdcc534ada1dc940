using Microsoft.EntityFrameworkCore;
using Tuner.Core.Events;
using Tuner.Core.Model;
using Tuner.Core.Trials;

namespace Tuner.Persistence.Leases;

/// <summary>
/// Takes, renews and checks trial leases with single SQL statements on the database clock, so workers' clocks never matter.
/// A lease taken is <see cref="TrialEvent.Leased"/>; one taken over from a silent worker is also
/// <see cref="TrialEvent.WorkerLost"/> or <see cref="TrialEvent.MachineGone"/> in the same statement: what they count and
/// how the run ends follow <see cref="TrialLifecycle"/>, and TrialLeaseLifecycleTests check it. The lease SQL lives here, beside the schema it is written against.
/// </summary>
public sealed class TrialLeases(IDbContextFactory<TunerDbContext> contexts)
{
    /// <summary>
    /// Takes the trial if it is waiting, or running under a lease that has expired, and its sweep is not paused by its
    /// budget. Returns null when another worker owns it, it is finished, or its sweep is paused: Hangfire delivers a job at least once, and this makes running it exactly once.
    /// Taking over an expired lease (a redelivery that beat the reconciler) ends the silent worker's run as Lost in the
    /// same statement and counts it as <c>ExpiredLeases</c> (Tuner.Scheduling) does: a preemption when the worker's machine is gone
    /// (its capacity instance Terminating or Ended), otherwise a lost run (<c>TrialRunStarter</c> then applies
    /// budget.max_lost_runs). A silent worker that had not opened its run yet (killed between the lease and the run) gets
    /// a zero-length Lost run in the same statement, so every lost run and preemption counted has a run that shows it; it
    /// "resumed" where the trial stood, its latest live checkpoint, as the run it never opened would have. A takeover
    /// also writes a run_lost sweep event, in the same transaction.
    /// </summary>
    public async Task<TrialLease?> TryAcquireAsync(long trialId, string owner, TimeSpan duration, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var seconds = duration.TotalSeconds;
        var terminating = nameof(CapacityInstanceState.Terminating);
        var ended = nameof(CapacityInstanceState.Ended);
        var (waiting, running) = (nameof(TrialStatus.Waiting), nameof(TrialStatus.Running));
        var (runRunning, runLost) = (nameof(TrialRunOutcome.Running), nameof(TrialRunOutcome.Lost));
        var liveCheckpoint = nameof(CheckpointState.Live);
        var paused = nameof(SweepState.Paused);
        var taken = await db.Database.SqlQuery<TakenLease>($"""
            WITH silent AS (
                SELECT lease_owner, lease_token
                  FROM tuner.trials
                 WHERE id = {trialId} AND status = {running} AND lease_expires_at < now()
            ), gone AS (
                SELECT i.instance_id
                  FROM tuner.trials t
                  JOIN tuner.workers w ON w.id = t.lease_owner
                  JOIN tuner.capacity_instances i ON i.instance_id = w.instance_id AND i.state IN ({terminating}, {ended})
                 WHERE t.id = {trialId} AND t.status = {running} AND t.lease_expires_at < now()
                 LIMIT 1
            ), taken AS (
                UPDATE tuner.trials
                   SET status = {running}, lease_owner = {owner}, lease_token = lease_token + 1,
                       lease_expires_at = now() + make_interval(secs => {seconds}),
                       lost_runs = lost_runs + CASE WHEN status = {running} AND NOT EXISTS (SELECT 1 FROM gone) THEN 1 ELSE 0 END,
                       preemptions = preemptions + CASE WHEN status = {running} AND EXISTS (SELECT 1 FROM gone) THEN 1 ELSE 0 END,
                       started_at = coalesce(started_at, now())
                 WHERE id = {trialId}
                   AND (status = {waiting} OR (status = {running} AND lease_expires_at < now()))
                   AND NOT cancel_requested
                   AND NOT EXISTS (SELECT 1 FROM tuner.sweeps s WHERE s.id = trials.sweep_id AND s.state = {paused})
                RETURNING lease_token, sweep_id, number
            ), lost AS (
                UPDATE tuner.trial_runs
                   SET outcome = {runLost}, ended_at = now(),
                       end_reason = coalesce((SELECT 'machine ' || instance_id || ' is gone' FROM gone),
                                             'worker ' || trial_runs.worker_id || ' went silent without notice during epoch '
                                                 || (trial_runs.resumed_epoch + trial_runs.epochs_trained + 1))
                  FROM taken
                 WHERE trial_id = {trialId} AND outcome = {runRunning} AND trial_runs.lease_token < taken.lease_token
                RETURNING trial_runs.end_reason
            ), unopened AS (
                INSERT INTO tuner.trial_runs (trial_id, worker_id, lease_token, resumed_epoch, resumed_batch, epochs_trained,
                                              outcome, started_at, ended_at, end_reason)
                SELECT {trialId}, silent.lease_owner, silent.lease_token, coalesce(latest.epoch, 0), coalesce(latest.batch, 0), 0,
                       {runLost}, now(), now(),
                       coalesce((SELECT 'machine ' || instance_id || ' is gone' FROM gone),
                                'worker ' || silent.lease_owner || ' went silent after taking the lease, before its run began')
                  FROM silent CROSS JOIN taken
                  LEFT JOIN LATERAL (SELECT c.epoch, c.batch FROM tuner.checkpoints c
                                      WHERE c.trial_id = {trialId} AND c.state = {liveCheckpoint}
                                      ORDER BY c.epoch DESC, c.batch DESC LIMIT 1) latest ON true
                 WHERE silent.lease_owner IS NOT NULL
                   AND NOT EXISTS (SELECT 1 FROM tuner.trial_runs r WHERE r.trial_id = {trialId} AND r.lease_token = silent.lease_token)
                RETURNING end_reason
            )
            SELECT taken.lease_token, taken.sweep_id, taken.number, (SELECT 1 FROM silent) IS NOT NULL AS took_over,
                   coalesce((SELECT end_reason FROM lost LIMIT 1), (SELECT end_reason FROM unopened)) AS lost_reason
              FROM taken
            """).ToListAsync(ct);
        if (taken is not [var lease])
        {
            return null;
        }

        if (lease.TookOver)
        {
            var message = RunEventMessages.LostAndTakenOver(lease.Number, trialId, lease.LostReason ?? LostRunReasons.Unrecorded, owner);
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO tuner.sweep_events (sweep_id, trial_id, kind, message, at)
                VALUES ({lease.SweepId}, {trialId}, {SweepEventKinds.RunLost}, {message}, now())
                """, ct);
        }

        await transaction.CommitAsync(ct);
        return new TrialLease(trialId, owner, lease.LeaseToken);
    }

    /// <summary>A lease taken, and whether it was taken over from a silent worker (whose run ended for
    /// <see cref="LostReason"/>).</summary>
    private sealed record TakenLease(long LeaseToken, long SweepId, int Number, bool TookOver, string? LostReason);

    /// <summary>Extends the lease; says whether the sweep asked the trial to stop (cancelled, or paused by its budget with
    /// budget.when_spent: stop), or whether the lease is gone.</summary>
    public async Task<HeartbeatResult> RenewAsync(TrialLease lease, TimeSpan duration, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var seconds = duration.TotalSeconds;
        var running = nameof(TrialStatus.Running);
        var paused = nameof(SweepState.Paused);
        var flags = await db.Database.SqlQuery<int>($"""
            UPDATE tuner.trials
               SET lease_expires_at = now() + make_interval(secs => {seconds})
             WHERE id = {lease.TrialId} AND lease_token = {lease.Token} AND lease_owner = {lease.Owner}
               AND status = {running}
            RETURNING CASE WHEN cancel_requested THEN 1
                           WHEN EXISTS (SELECT 1 FROM tuner.sweeps s WHERE s.id = trials.sweep_id AND s.state = {paused} AND s.pause_stops_running) THEN 2
                           ELSE 0 END AS "Value"
            """).ToListAsync(ct);
        if (flags.Count == 0)
        {
            return HeartbeatResult.Lost;
        }

        return flags[0] switch { 1 => HeartbeatResult.CancelRequested, 2 => HeartbeatResult.StopRequested, _ => HeartbeatResult.Renewed };
    }
}

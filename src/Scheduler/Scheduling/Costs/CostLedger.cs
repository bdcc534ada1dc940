using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Tuner.Core.Costs;
using Tuner.Core.Model;
using Tuner.Persistence;

namespace Tuner.Scheduling.Costs;

/// <summary>
/// Writes the cost ledger: on every pass (the server's reconciler runs one every few seconds) each machine's time since
/// the ledger's mark is split among the runs on it, its start-up and its idle time (<see cref="MachineLedger"/>), priced
/// (<see cref="MachinePricing"/>) and written as <see cref="CostEntry"/> lines, lengthening the machine's open lines
/// while their use goes on. The mark moves in the same transaction as the lines, under the mark's row lock: two passes
/// at once, or a pass again after a crash, write nothing twice. A machine that has ended is closed once its whole life
/// is in.
/// </summary>
public sealed class CostLedger(IDbContextFactory<TunerDbContext> contexts, CostSettings costs, TimeProvider clock, ILogger<CostLedger> logger)
{
    public async Task RecordAsync(CancellationToken ct)
    {
        List<LedgerMachine> machines;
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            machines = await LedgerMachines.OpenAsync(db, costs, ct);
        }

        foreach (var machine in machines)
        {
            await RecordAsync(machine, ct);
        }
    }

    private async Task RecordAsync(LedgerMachine machine, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO tuner.ledger_marks (machine, through, closed) VALUES ({machine.Key}, {machine.Start}, false) ON CONFLICT DO NOTHING", ct);
        var mark = await db.LedgerMarks.FromSql($"SELECT * FROM tuner.ledger_marks WHERE machine = {machine.Key} FOR UPDATE").SingleAsync(ct);
        if (mark.Closed) return;

        var now = clock.GetUtcNow();
        var to = machine.End is { } end ? end : now;
        if (to > now) to = now;
        var from = mark.Through;
        if (to > from)
        {
            var runs = await RunsAsync(db, machine, from, to, ct);
            var sweepBefore = await SweepBeforeAsync(db, machine, from, ct);
            var segments = MachineLedger.Attribute(from, to, runs, sweepBefore, machine.LaunchedFor);
            await WriteAsync(db, machine, from, segments, ct);
            mark.Through = to;
        }

        mark.Closed = machine.End is { } ended && mark.Through >= ended;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        if (mark.Closed) logger.LogDebug("Ledger closed {Machine}", machine.Key);
    }

    private static IQueryable<TrialRun> RunsOn(TunerDbContext db, LedgerMachine machine)
    {
        if (machine.WorkerIds is { } workers) return db.TrialRuns.Where(r => workers.Contains(r.WorkerId));
        var onInstance = db.Workers.Where(w => w.InstanceId == machine.InstanceId).Select(w => w.Id);
        return db.TrialRuns.Where(r => onInstance.Contains(r.WorkerId));
    }

    private static async Task<List<MachineRun>> RunsAsync(TunerDbContext db, LedgerMachine machine, DateTimeOffset from, DateTimeOffset to, CancellationToken ct) =>
        await RunsOn(db, machine)
            .Where(r => r.StartedAt < to && (r.EndedAt == null || r.EndedAt > from))
            .Join(db.Trials, r => r.TrialId, t => t.Id, (r, t) => new MachineRun(r.Id, r.TrialId, t.SweepId, r.StartedAt, r.EndedAt))
            .ToListAsync(ct);

    /// <summary>The sweep of the latest run on the machine that ended by <paramref name="from"/> (it pays for idle time
    /// after it); null when none has.</summary>
    private static async Task<long?> SweepBeforeAsync(TunerDbContext db, LedgerMachine machine, DateTimeOffset from, CancellationToken ct) =>
        await RunsOn(db, machine)
            .Where(r => r.StartedAt <= from && r.EndedAt != null && r.EndedAt <= from)
            .OrderByDescending(r => r.EndedAt).ThenBy(r => r.Id)
            .Join(db.Trials, r => r.TrialId, t => t.Id, (r, t) => (long?)t.SweepId)
            .FirstOrDefaultAsync(ct);

    private static async Task WriteAsync(TunerDbContext db, LedgerMachine machine, DateTimeOffset from, IReadOnlyList<LedgerSegment> segments, CancellationToken ct)
    {
        var open = await db.CostEntries.Where(e => e.Machine == machine.Key && e.EndsAt == from).ToListAsync(ct);
        foreach (var segment in segments)
        {
            var entry = segment.From == from
                ? open.FirstOrDefault(e => e.Kind == segment.Kind && e.TrialRunId == segment.RunId && e.SweepId == segment.SweepId
                                           && e.Share == segment.Share && e.UsdPerHour == machine.Price.UsdPerHour
                                           && e.OnDemandUsdPerHour == machine.Price.OnDemandUsdPerHour)
                : null;
            if (entry is null)
            {
                entry = new CostEntry
                {
                    Machine = machine.Key,
                    Pool = machine.Pool,
                    SweepId = segment.SweepId,
                    TrialId = segment.TrialId,
                    TrialRunId = segment.RunId,
                    Kind = segment.Kind,
                    StartsAt = segment.From,
                    Share = segment.Share,
                    Market = machine.Market,
                    UsdPerHour = machine.Price.UsdPerHour,
                    OnDemandUsdPerHour = machine.Price.OnDemandUsdPerHour,
                    PriceSource = machine.Price.Source.Length > 300 ? machine.Price.Source[..300] : machine.Price.Source,
                };
                db.CostEntries.Add(entry);
            }

            entry.EndsAt = segment.To;
            entry.Seconds = (entry.EndsAt - entry.StartsAt).TotalSeconds / entry.Share;
            entry.Usd = Dollars(entry.Seconds, entry.UsdPerHour) ?? 0m;
            entry.OnDemandUsd = Dollars(entry.Seconds, entry.OnDemandUsdPerHour);
            entry.Estimated = machine.EndEstimated && machine.End == segment.To;
        }
    }

    /// <summary>Seconds at an hourly price, to the micro-dollar.</summary>
    public static decimal? Dollars(double seconds, decimal? usdPerHour) =>
        usdPerHour is { } price ? Math.Round((decimal)seconds * price / 3600m, 6) : null;
}

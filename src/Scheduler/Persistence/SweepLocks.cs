using Microsoft.EntityFrameworkCore;
using Tuner.Core.Model;

namespace Tuner.Persistence;

/// <summary>The sweep's row lock, which serializes everything that changes a sweep's course: orchestration passes, the
/// budget checks and a budget change. Taken inside the caller's transaction; null when there is no such sweep.</summary>
public static class SweepLocks
{
    public static Task<Sweep?> LockSweepAsync(this TunerDbContext db, long sweepId, CancellationToken ct) =>
        db.Sweeps.FromSql($"SELECT * FROM tuner.sweeps WHERE id = {sweepId} FOR UPDATE").SingleOrDefaultAsync(ct);
}

using Microsoft.EntityFrameworkCore;
using Tuner.Core.Model;

namespace Tuner.Persistence.Leases;

/// <summary>
/// Runs work in a transaction that first locks the trial row and checks the lease: status Running, same owner, same
/// fencing token. A worker that lost its lease gets <see cref="LeaseLostException"/> and writes nothing.
/// </summary>
public sealed class FencedTransaction(IDbContextFactory<TunerDbContext> contexts)
{
    public async Task<T> RunAsync<T>(TrialLease lease, Func<TunerDbContext, Trial, Task<T>> work, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var trial = await db.Trials
            .FromSql($"SELECT * FROM tuner.trials WHERE id = {lease.TrialId} FOR UPDATE")
            .SingleOrDefaultAsync(ct);
        if (trial is null || trial.Status != TrialStatus.Running || trial.LeaseOwner != lease.Owner
            || trial.LeaseToken != lease.Token)
        {
            throw new LeaseLostException(lease);
        }

        var result = await work(db, trial);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return result;
    }
}

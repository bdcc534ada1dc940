using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Tuner.Persistence;

namespace Tuner.Scheduler.Api.Pages;

/// <summary>
/// The transaction a page's queries run in: one snapshot (repeatable read), so a count and the items beside it agree,
/// and PostgreSQL's JIT off. Over a large sweep the planner's estimates pass jit_above_cost and compiling the plan to
/// machine code took 0.1 to 2 s, longer than running it (50,000 trials: the export's query ran in 0.3 s after 2.2 s
/// of JIT). SET LOCAL ends with the transaction, as it must: Tuner's pooled connections are handed back without a reset
/// (TunerDatabase.ForServices).
/// </summary>
internal static class PageTransactions
{
    public static async Task<IDbContextTransaction> BeginAsync(TunerDbContext db, CancellationToken ct)
    {
        var transaction = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        await db.Database.ExecuteSqlRawAsync("SET LOCAL jit = off", ct);
        return transaction;
    }
}

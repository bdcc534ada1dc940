using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Tuner.Persistence;

namespace Tuner.Scheduler.Api.Pages;

/// <summary>
/// The transaction a page's queries run in: one snapshot (repeatable read), so a count and the items beside it agree.
/// </summary>
internal static class PageTransactions
{
    public static Task<IDbContextTransaction> BeginAsync(TunerDbContext db, CancellationToken ct) =>
        db.Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
}

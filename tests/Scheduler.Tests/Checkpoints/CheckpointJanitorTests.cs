using Microsoft.EntityFrameworkCore;
using Tuner.Scheduling.Checkpoints;
using Tuner.Core.Model;
using Tuner.Scheduler.Tests.Support;
using Tuner.Trainer.Checkpoints;
using Tuner.TestSupport.Postgres;
using Tuner.TestSupport.Sweeps;

namespace Tuner.Scheduler.Tests.Checkpoints;

/// <summary>
/// The janitor's catch-up pass takes at most 500 rows of each kind per call. Which 500 must not be left to PostgreSQL's
/// plan: they are the oldest, and a query that limits rows without ordering them throws (TunerDatabase).
/// </summary>
[Collection("postgres")]
public sealed class CheckpointJanitorTests(PostgresServerFixture postgres)
{
    [Fact]
    public async Task DeletePending_FinishesTheOldest500Deletions_AndLeavesTheRestForTheNextPass()
    {
        await using var harness = await SchedulerHarness.StartAsync(postgres, "janitor_order");
        var sweepId = await harness.SubmitAsync(SweepTexts.Small(maxTrials: 1, parallelism: 1));
        var trial = (await harness.TrialsAsync(sweepId)).Single();
        var store = harness.Get<ICheckpointStore>();
        await using (var db = await harness.DbAsync())
        {
            for (var i = 0; i < 501; i++)
            {
                var key = $"sweeps/{sweepId}/trials/{trial.Id}/epoch-{i:D4}-batch-000000-lease-1.ckpt";
                await store.WriteAsync(key, new MemoryStream([1]), CancellationToken.None);
                db.Checkpoints.Add(new Checkpoint
                {
                    TrialId = trial.Id, Epoch = i, Key = key, Uri = store.UriOf(key), SizeBytes = 1, LeaseToken = 1,
                    State = CheckpointState.Deleting, CreatedAt = DateTimeOffset.UnixEpoch,
                });
            }

            await db.SaveChangesAsync();
        }

        await harness.Get<CheckpointJanitor>().DeletePendingAsync(CancellationToken.None);

        await using var check = await harness.DbAsync();
        var rows = await check.Checkpoints.AsNoTracking().Where(c => c.TrialId == trial.Id).OrderBy(c => c.Id).ToListAsync();
        Assert.All(rows.Take(500), c => Assert.Equal(CheckpointState.Deleted, c.State));
        Assert.Equal(CheckpointState.Deleting, rows[500].State);
    }
}

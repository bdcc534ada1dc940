using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Tuner.Core.Costs;
using Tuner.Core.Model;
using Tuner.Scheduler.Api.Contracts;
using Tuner.TestSupport.Postgres;

namespace Tuner.Scheduler.Tests.Pages;

/// <summary>
/// A finished sweep's page answers are computed once and kept until the sweep runs again; a running sweep's never are.
/// Each test changes a trial straight in the database, as no code path may change a finished sweep's trials, to see
/// which answer was kept.
/// </summary>
[Collection("postgres")]
public sealed class FinishedSweepAnswersTests(PostgresServerFixture postgres)
{
    [Fact]
    public async Task FinishedSweep_KeepsItsAnswers_UntilItRunsAgain_AndFinishesAtAnotherTime()
    {
        var (server, sweep) = await SweepPagesTests.StartAsync("answers_finished", postgres);
        await using var _ = server;
        async Task<double> BestValueAsync() =>
            (await server.Http.GetFromJsonAsync<SweepProgress>($"api/sweeps/{sweep.Id}/progress"))!.Points[^1].BestSoFar;
        async Task ChangeAsync(FormattableString sql)
        {
            await using var db = await server.DbAsync();
            await db.Database.ExecuteSqlAsync(sql);
        }

        var first = await BestValueAsync();
        await ChangeAsync($"UPDATE tuner.trials SET value = 0.1 WHERE id = {sweep.TrialIds[3]}");
        var kept = await BestValueAsync();
        var otherArguments = (await server.Http.GetFromJsonAsync<SweepProgress>($"api/sweeps/{sweep.Id}/progress?maxPoints=3"))!.Points[^1].BestSoFar;
        await ChangeAsync($"UPDATE tuner.sweeps SET state = {nameof(SweepState.Running)}, finished_at = NULL WHERE id = {sweep.Id}");
        var running = await BestValueAsync();
        await ChangeAsync($"UPDATE tuner.trials SET value = 0.05 WHERE id = {sweep.TrialIds[3]}");
        var runningAgain = await BestValueAsync();
        await ChangeAsync($"UPDATE tuner.sweeps SET state = {nameof(SweepState.Completed)}, finished_at = now() WHERE id = {sweep.Id}");
        var finishedAgain = await BestValueAsync();

        Assert.Equal((0.2, 0.2), (first, kept));
        Assert.Equal(0.1, otherArguments);
        Assert.Equal((0.1, 0.05, 0.05), (running, runningAgain, finishedAgain));
    }

    [Fact]
    public async Task CostReport_OfAFinishedSweep_IsComputedOnEveryRead()
    {
        var (server, sweep) = await SweepPagesTests.StartAsync("answers_cost", postgres);
        await using var _ = server;
        async Task<decimal> SpentAsync() =>
            (await server.Http.GetFromJsonAsync<SweepCostReport>($"api/sweeps/{sweep.Id}/cost?trials=false"))!.SpentUsd;

        var before = await SpentAsync();
        await using (var db = await server.DbAsync())
        {
            // A machine's idle time, charged to the sweep when the machine stopped after the sweep finished.
            db.CostEntries.Add(new CostEntry
            {
                Machine = "worker/w", Pool = "local", SweepId = sweep.Id, Kind = CostKind.Idle, StartsAt = KnownSweep.Start.AddSeconds(500),
                EndsAt = KnownSweep.Start.AddSeconds(600), Seconds = 100, Usd = 1m, PriceSource = "test",
            });
            await db.SaveChangesAsync();
        }

        Assert.Equal(before + 1, await SpentAsync());
    }
}

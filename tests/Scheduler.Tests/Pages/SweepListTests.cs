using System.Net;
using System.Net.Http.Json;
using Tuner.Core.Model;
using Tuner.Scheduler.Api.Contracts;
using Tuner.TestSupport.Postgres;

namespace Tuner.Scheduler.Tests.Pages;

/// <summary>GET /api/sweeps with the sweeps page's figures and filters, and the cost report without its trials.</summary>
[Collection("postgres")]
public sealed class SweepListTests(PostgresServerFixture postgres)
{
    [Fact]
    public async Task List_CarriesCountsBestSpentBudgetScheduleAndLabels_AndFilters()
    {
        var (server, known) = await SweepPagesTests.StartAsync("pages_list", postgres);
        await using var _ = server;
        long scheduled;
        await using (var db = await server.DbAsync())
        {
            var sweep = new Sweep
            {
                Name = "Nightly-Vision_2026", State = SweepState.Cancelled, DefinitionText = KnownSweep.Definition, Objective = "val_loss",
                CreatedAt = KnownSweep.Start, LabelsJson = """{"team": "vision"}""",
            };
            db.Sweeps.Add(sweep);
            var schedule = new Schedule { Name = "nightly", Cron = "0 3 * * *", TimeZone = "UTC", TemplateText = KnownSweep.Definition, Paused = true };
            db.Schedules.Add(schedule);
            await db.SaveChangesAsync();
            db.ScheduleRuns.Add(new ScheduleRun { ScheduleId = schedule.Id, RunDate = "2026-03-01", SweepId = sweep.Id, FiredAt = KnownSweep.Start });
            await db.SaveChangesAsync();
            scheduled = sweep.Id;
        }

        async Task<IReadOnlyList<SweepSummary>> List(string query) =>
            (await server.Http.GetFromJsonAsync<Page<SweepSummary>>($"api/sweeps?{query}"))!.Items;

        var all = await List("");
        Assert.Equal([scheduled, known.Id], all.Select(s => s.Id));
        var summary = all[1];
        Assert.Equal((0.2, 0.20m, 5m, null), (summary.BestValue, summary.SpentUsd, summary.MaxCostUsd, summary.Schedule));
        Assert.Equal(new TrialCounts(0, 0, 4, 1, 1, 1, 1, 0), summary.Trials);
        Assert.Equal(new Dictionary<string, string> { ["team"] = "ml", ["cost-center"] = "research" }, summary.Labels);
        Assert.Equal(("nightly", null, 0m, new TrialCounts(0, 0, 0, 0, 0, 0, 0, 0)), (all[0].Schedule, all[0].BestValue, all[0].SpentUsd, all[0].Trials));

        Assert.Equal([known.Id], (await List("state=Completed")).Select(s => s.Id));
        Assert.Equal([scheduled], (await List("q=vision_")).Select(s => s.Id));
        Assert.Empty(await List("q=vision%25")); // % is a character to find, not a wildcard
        Assert.Equal([scheduled, known.Id], (await List("label=team")).Select(s => s.Id));
        Assert.Equal([known.Id], (await List("label=cost-center")).Select(s => s.Id));
        Assert.Equal([scheduled], (await List("label=team:vision")).Select(s => s.Id));
        Assert.Empty(await List("label=team:nobody"));
        Assert.Equal([known.Id], (await List("after=" + scheduled)).Select(s => s.Id));
        using var badState = await server.Http.GetAsync("api/sweeps?state=Sleeping");
        Assert.Equal(HttpStatusCode.BadRequest, badState.StatusCode);
    }

    [Fact]
    public async Task Cost_LeavesTheTrialsOut_WhenAskedTo()
    {
        var (server, known) = await SweepPagesTests.StartAsync("pages_cost", postgres);
        await using var _ = server;

        var full = (await server.Http.GetFromJsonAsync<SweepCostReport>($"api/sweeps/{known.Id}/cost"))!;
        var lean = (await server.Http.GetFromJsonAsync<SweepCostReport>($"api/sweeps/{known.Id}/cost?trials=false"))!;

        Assert.NotEmpty(full.Trials);
        Assert.Empty(lean.Trials);
        Assert.Equal(full.SpentUsd, lean.SpentUsd);
    }
}

using System.Net;
using System.Net.Http.Json;
using Tuner.Scheduler.Api.Contracts;
using Tuner.Scheduler.Tests.Support;
using Tuner.Search.Analysis;
using Tuner.TestSupport.Postgres;

namespace Tuner.Scheduler.Tests.Pages;

/// <summary>The sweep page's endpoints on a real in-process server over <see cref="KnownSweep"/>, checked by hand.</summary>
[Collection("postgres")]
public sealed class SweepPagesTests(PostgresServerFixture postgres)
{
    [Fact]
    public async Task Progress_ListsCompleteTrialsInTheOrderTheyEnded_WithTheBestSoFar()
    {
        var (server, sweep) = await StartAsync("pages_progress");
        await using var _ = server;

        var progress = (await server.Http.GetFromJsonAsync<SweepProgress>($"api/sweeps/{sweep.Id}/progress"))!;
        var changesOnly = (await server.Http.GetFromJsonAsync<SweepProgress>($"api/sweeps/{sweep.Id}/progress?maxPoints=3"))!;

        Assert.Equal(("minimize", "val_loss", 4, false), (progress.Direction, progress.Objective, progress.CompleteCount, progress.Sampled));
        // Ended #1 (0.6), #6 (0.7: no better), #0 (0.4), #3 (0.2).
        Assert.Equal([(1, 0.6, 0.6), (6, 0.7, 0.6), (0, 0.4, 0.4), (3, 0.2, 0.2)], progress.Points.Select(p => (p.Number, p.Value, p.BestSoFar)));
        Assert.Equal(sweep.TrialIds[1], progress.Points[0].TrialId);
        Assert.Equal(KnownSweep.Start.AddSeconds(100), progress.Points[0].EndedAt);
        // Three points allowed: the three where the best changed, #6 left out.
        Assert.True(changesOnly.Sampled);
        Assert.Equal([1, 0, 3], changesOnly.Points.Select(p => p.Number));
    }

    [Fact]
    public async Task Curves_ShowReportedValuesByEpoch_WithThePrunedStep_AndBoundTrialsAndPoints()
    {
        var (server, sweep) = await StartAsync("pages_curves");
        await using var _ = server;

        var all = (await server.Http.GetFromJsonAsync<SweepCurves>($"api/sweeps/{sweep.Id}/curves"))!;
        var bounded = (await server.Http.GetFromJsonAsync<SweepCurves>($"api/sweeps/{sweep.Id}/curves?maxTrials=2&maxPoints=2"))!;

        Assert.Equal(("val_loss", 5, 5, "all"), (all.Metric, all.TrialCount, all.Shown, all.Selection));
        Assert.Equal([0, 1, 2, 3, 6], all.Curves.Select(c => c.Number));
        var pruned = all.Curves.Single(c => c.Number == 2);
        Assert.Equal(("Pruned", 2, 1.1), (pruned.State, pruned.PrunedAtStep, pruned.Value));
        Assert.All(all.Curves.Where(c => c.Number != 2), c => Assert.Null(c.PrunedAtStep));
        Assert.Equal([[1, 0.9], [2, 0.5], [3, 0.4]], all.Curves[0].Points);
        // Two trials of five: the best (#3, 0.2) and an even sample of the rest (#0, the first); two points of three:
        // the first and the last.
        Assert.Equal(("best-and-sample", 2), (bounded.Selection, bounded.Shown));
        Assert.Equal([0, 3], bounded.Curves.Select(c => c.Number));
        Assert.Equal([[1, 0.9], [3, 0.4]], bounded.Curves[0].Points);
    }

    [Fact]
    public async Task Parameters_DescribeTheSpace_ListCompleteTrials_AndNameTheImportanceMethod()
    {
        var (server, sweep) = await StartAsync("pages_parameters");
        await using var _ = server;

        var parameters = (await server.Http.GetFromJsonAsync<SweepParameters>($"api/sweeps/{sweep.Id}/parameters"))!;

        Assert.Equal(("val_loss", "minimize", 4, 4), (parameters.Objective, parameters.Direction, parameters.TrialCount, parameters.Shown));
        Assert.Equal(
            [("lr", "float", 1e-4, 0.1, true), ("layers", "int", 1, 4, false), ("optimizer", "categorical", null, null, false)],
            parameters.Parameters.Select(p => (p.Name, p.Type, p.Low, p.High, p.Log)));
        Assert.Equal(["adam", KnownSweep.QuotedChoice], parameters.Parameters[2].Choices!.Select(c => c.ToString()));
        Assert.Equal([(0, 0.4), (1, 0.6), (3, 0.2), (6, 0.7)], parameters.Rows.Select(r => (r.Number, r.Value)));
        Assert.Equal("0.02", parameters.Rows[2].Params["lr"].ToString());
        var importance = parameters.Importance!;
        Assert.Equal(ParameterImportance.Method, importance.Method);
        Assert.Equal(["layers", "lr", "optimizer"], importance.Values.Select(v => v.Name).Order());
        Assert.Equal(1, importance.Values.Sum(v => v.Importance), precision: 9);
        Assert.Equal(importance.Values.OrderByDescending(v => v.Importance).Select(v => v.Name), importance.Values.Select(v => v.Name));
    }

    [Fact]
    public async Task Timeline_GroupsRunsByWorker_AndKeepsTheMostRecent()
    {
        var (server, sweep) = await StartAsync("pages_timeline");
        await using var _ = server;

        var timeline = (await server.Http.GetFromJsonAsync<SweepTimeline>($"api/sweeps/{sweep.Id}/timeline"))!;
        var recent = (await server.Http.GetFromJsonAsync<SweepTimeline>($"api/sweeps/{sweep.Id}/timeline?maxRuns=2"))!;

        Assert.Equal((6, 6), (timeline.RunCount, timeline.Shown));
        Assert.Equal((KnownSweep.Start.AddSeconds(10), KnownSweep.Start.AddSeconds(400)), (timeline.From, timeline.To));
        Assert.Equal(["worker-a", "worker-b"], timeline.Workers.Select(w => w.Worker));
        Assert.Equal([0, 2, 3], timeline.Workers[0].Runs.Select(r => r.Number));
        var preempted = timeline.Workers[0].Runs[2];
        Assert.Equal(("Preempted", 0, "spot notice"), (preempted.Outcome, preempted.ResumedEpoch, preempted.EndReason));
        var resumed = timeline.Workers[1].Runs.Single(r => r.Number == 3);
        Assert.Equal(("Completed", 1, sweep.TrialIds[3]), (resumed.Outcome, resumed.ResumedEpoch, resumed.TrialId));
        // Started last: #6's run (105 s) and #3's second run (110 s).
        Assert.Equal((6, 2), (recent.RunCount, recent.Shown));
        Assert.Equal([6, 3], recent.Workers.Single().Runs.Select(r => r.Number));
    }

    [Fact]
    public async Task Trial_ByNumber_HasItsHistory_ItsSweep_AndItsHangfireJob_Or404()
    {
        var (server, sweep) = await StartAsync("pages_trial");
        await using var _ = server;

        var trial = (await server.Http.GetFromJsonAsync<TrialDetails>($"api/sweeps/{sweep.Id}/trials/3"))!;
        using var noTrial = await server.Http.GetAsync($"api/sweeps/{sweep.Id}/trials/99");
        using var noSweep = await server.Http.GetAsync("api/sweeps/999999/trials/0");

        Assert.Equal((sweep.TrialIds[3], sweep.TrialIds[3], sweep.Id, KnownSweep.Name, "42"), (trial.TrialId, trial.Id, trial.SweepId, trial.SweepName, trial.HangfireJobId));
        Assert.Equal(("Complete", 0.2, 3, 1), (trial.State, trial.Value, trial.BestEpoch, trial.Preemptions));
        Assert.Equal([0.7, 0.3, 0.2], trial.Reports.Select(r => r.Value));
        Assert.Equal(["Preempted", "Completed"], trial.Runs.Select(r => r.Outcome));
        Assert.Single(trial.Checkpoints);
        Assert.Equal(HttpStatusCode.NotFound, noTrial.StatusCode);
        Assert.Contains($"sweep {sweep.Id} has no trial 99", await noTrial.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, noSweep.StatusCode);
        Assert.Contains("there is no sweep with id 999999", await noSweep.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("progress")]
    [InlineData("curves")]
    [InlineData("parameters")]
    [InlineData("timeline")]
    [InlineData("trials/table")]
    [InlineData("export")]
    public async Task EveryPage_Answers404AsProblemDetails_ForAnUnknownSweep(string page)
    {
        await using var server = await InProcessServer.StartAsync(await postgres.CreateDatabaseAsync("pages_404"));

        using var response = await server.Http.GetAsync($"api/sweeps/424242/{page}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    internal static async Task<(InProcessServer Server, KnownSweep Sweep)> StartAsync(string database, PostgresServerFixture postgres)
    {
        var server = await InProcessServer.StartAsync(await postgres.CreateDatabaseAsync(database));
        await using var db = await server.DbAsync();
        return (server, await KnownSweep.WriteAsync(db));
    }

    private Task<(InProcessServer Server, KnownSweep Sweep)> StartAsync(string database) => StartAsync(database, postgres);
}

using System.Net.Http.Json;
using Tuner.Scheduler.Api.Contracts;
using Tuner.Scheduler.Tests.Support;
using Tuner.TestSupport.Postgres;
using Tuner.TestSupport.Sweeps;

namespace Tuner.Scheduler.Tests.Pages;

/// <summary>The bounds of the sweep pages on a <see cref="LargeSweep"/> of 3,000 trials: what a sampled answer keeps.</summary>
[Collection("postgres")]
public sealed class LargeSweepPagesTests(PostgresServerFixture postgres)
{
    private const int Trials = 3000;

    [Fact]
    public async Task SampledAnswers_KeepEveryChangeOfTheBest_TheBestTrials_AndTheirOrder()
    {
        var connection = await postgres.CreateDatabaseAsync("pages_large");
        await using var server = await InProcessServer.StartAsync(connection);
        var id = await LargeSweep.WriteAsync(connection, Trials, reportsPerTrial: 5);
        async Task<T> Get<T>(string path) => (await server.Http.GetFromJsonAsync<T>($"api/sweeps/{id}/{path}"))!;

        var everyPoint = await Get<SweepProgress>("progress?maxPoints=5000");
        var sampled = await Get<SweepProgress>("progress?maxPoints=100");
        var curves = await Get<SweepCurves>("curves?maxTrials=50");
        var parameters = await Get<SweepParameters>("parameters?maxTrials=40");
        var timeline = await Get<SweepTimeline>("timeline?maxRuns=100");
        var bestOfAll = await Get<TrialTable>("trials/table?sort=value&limit=25");
        var bestComplete = await Get<TrialTable>("trials/table?sort=value&state=Complete&limit=3");

        // 7 of every 10 trials complete.
        Assert.Equal((2100, false, 2100), (everyPoint.CompleteCount, everyPoint.Sampled, everyPoint.Points.Count));
        Assert.Equal((true, 100), (sampled.Sampled, sampled.Points.Count));
        var changes = everyPoint.Points.Where((p, i) => i == 0 || p.BestSoFar != everyPoint.Points[i - 1].BestSoFar).Select(p => p.Number).ToList();
        Assert.InRange(changes.Count, 2, 99);
        Assert.Subset(sampled.Points.Select(p => p.Number).ToHashSet(), changes.ToHashSet());
        var order = everyPoint.Points.Select((p, i) => (p.Number, i)).ToDictionary(x => x.Number, x => x.i);
        Assert.Equal(sampled.Points.Select(p => order[p.Number]).Order(), sampled.Points.Select(p => order[p.Number]));

        // Every trial but the failed ones without reports has a curve; the 25 best (of any state) are among the 50 shown.
        Assert.Equal(("best-and-sample", 50), (curves.Selection, curves.Shown));
        Assert.Subset(curves.Curves.Select(c => c.Number).ToHashSet(), bestOfAll.Items.Select(t => t.Number).ToHashSet());
        var bestByValue = everyPoint.Points.OrderBy(p => p.Value).Select(p => p.Number);
        Assert.Equal(curves.Curves.Select(c => c.Number).Order(), curves.Curves.Select(c => c.Number));

        // The best quarter of 40 rows, ordered by number; importance from all 2,100: the learning rate drives the
        // objective, then the optimizer.
        Assert.Equal((2100, 40), (parameters.TrialCount, parameters.Shown));
        Assert.Subset(parameters.Rows.Select(r => r.Number).ToHashSet(), bestByValue.Take(10).ToHashSet());
        Assert.Equal(parameters.Rows.Select(r => r.Number).Order(), parameters.Rows.Select(r => r.Number));
        Assert.Equal(2100, parameters.Importance!.Trials);
        Assert.Equal(["learning_rate", "optimizer"], parameters.Importance.Values.Take(2).Select(v => v.Name));

        // One run per trial and a second for every 20th: the most recent 100 by start.
        Assert.Equal((Trials + Trials / 20, 100), (timeline.RunCount, timeline.Shown));
        Assert.Equal(Trials - 1, timeline.Workers.SelectMany(w => w.Runs).Max(r => r.Number));

        Assert.Equal((Trials, 2100), (bestOfAll.Total, bestComplete.Total));
        Assert.Equal(bestByValue.Take(3), bestComplete.Items.Select(t => t.Number));
    }

    [Fact]
    public async Task Importance_OverMoreThan5000CompleteTrials_IsEstimatedOnAnEvenSample_AndFindsTheSameParameters()
    {
        var connection = await postgres.CreateDatabaseAsync("pages_importance_sample");
        await using var server = await InProcessServer.StartAsync(connection);
        var id = await LargeSweep.WriteAsync(connection, 8000, reportsPerTrial: 2);

        var parameters = (await server.Http.GetFromJsonAsync<SweepParameters>($"api/sweeps/{id}/parameters?maxTrials=100"))!;

        // 5,600 complete, 5,000 of them sampled; the rows shown are still the best quarter and a sample of the rest.
        Assert.Equal((5600, 100), (parameters.TrialCount, parameters.Shown));
        Assert.Equal(5000, parameters.Importance!.Trials);
        Assert.Equal(["learning_rate", "optimizer"], parameters.Importance.Values.Take(2).Select(v => v.Name));
        Assert.Equal(1, parameters.Importance.Values.Sum(v => v.Importance), precision: 9);
        Assert.All(parameters.Rows, r => Assert.Equal(5, r.Params.Count));
    }
}

using System.Net.Http.Json;
using Tuner.Scheduler.Api.Contracts;
using Tuner.Scheduler.EndToEnd.Tests.Support;
using Tuner.TestSupport.Postgres;
using Tuner.TestSupport;
using Tuner.TestSupport.Sweeps;

namespace Tuner.Scheduler.EndToEnd.Tests.Api;

/// <summary>GET /api/sweeps and GET /api/sweeps/{id}/trials page with ?after= and ?limit=, and say where the next page
/// starts, instead of stopping silently; a real `tuner server` with no worker, so trials stay Waiting.</summary>
[Collection("postgres")]
public sealed class PagingTests(PostgresServerFixture postgres)
{
    [Fact]
    public async Task Sweeps_PageNewestFirst_AndTrialsPageByNumber_EachPageGivingTheNextCursor()
    {
        await using var cluster = await TunerCluster.StartAsync(await postgres.CreateDatabaseAsync("api_paging"));
        var ids = new List<long>();
        for (var seed = 1; seed <= 3; seed++)
        {
            ids.Add((await TunerCluster.ReadAsync<SweepCreated>(await cluster.SubmitAsync(SweepTexts.Small(maxTrials: 6, parallelism: 3, seed: seed)))).Id);
        }

        var last = ids[^1];
        await Eventually.GetAsync(
            async () => (await cluster.TrialsAsync(last)).Count == 3 ? "filled" : null,
            TimeSpan.FromSeconds(60), "the orchestrator to create the last sweep's trials", cluster.Diagnostics);

        var first = await GetAsync<SweepSummary>(cluster, "api/sweeps?limit=2");
        var second = await GetAsync<SweepSummary>(cluster, $"api/sweeps?limit=2&after={first.Next}");
        var whole = await GetAsync<SweepSummary>(cluster, "api/sweeps");
        var trials = await GetAsync<TrialView>(cluster, $"api/sweeps/{last}/trials?limit=2");
        var moreTrials = await GetAsync<TrialView>(cluster, $"api/sweeps/{last}/trials?limit=2&after={trials.Next}");

        Assert.Equal([ids[2], ids[1]], first.Items.Select(s => s.Id));
        Assert.Equal(ids[1], first.Next);
        Assert.Equal([ids[0]], second.Items.Select(s => s.Id));
        Assert.Null(second.Next);
        Assert.Equal([ids[2], ids[1], ids[0]], whole.Items.Select(s => s.Id));
        Assert.Null(whole.Next);
        Assert.Equal([0, 1], trials.Items.Select(t => t.Number));
        Assert.Equal(1, trials.Next);
        Assert.Equal([2], moreTrials.Items.Select(t => t.Number));
        Assert.Null(moreTrials.Next);
    }

    [Fact]
    public async Task TunerStatus_ListsSweepsFromThePagedApi()
    {
        await using var cluster = await TunerCluster.StartAsync(await postgres.CreateDatabaseAsync("api_status"));
        foreach (var seed in new[] { 11, 12 })
        {
            await cluster.SubmitAsync(SweepTexts.Small(seed: seed));
        }

        await using var status = TunerProcess.Start(new Dictionary<string, string>(), "status", "--server", cluster.Http.BaseAddress!.ToString());
        var exited = await status.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.True(exited is not null && status.ExitCode == 0, status.Output);
        var lines = status.Output.Split('\n').Where(l => l.Contains("small-")).ToList();
        Assert.Equal(2, lines.Count);
        Assert.Contains("small-12", lines[0]);
        Assert.Contains("small-11", lines[1]);
    }

    private static async Task<Page<T>> GetAsync<T>(TunerCluster cluster, string path) =>
        (await cluster.Http.GetFromJsonAsync<Page<T>>(path))!;
}

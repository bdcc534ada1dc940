using System.Net;
using System.Net.Http.Json;
using Tuner.Scheduler.Api.Contracts;
using Tuner.TestSupport.Postgres;

namespace Tuner.Scheduler.Tests.Pages;

/// <summary>GET /api/sweeps/{id}/trials/table over <see cref="KnownSweep"/>: each sort both ways (values and dollars nulls
/// last, ties by number), the state filter, offset paging with its total, and the figures of a row.</summary>
[Collection("postgres")]
public sealed class TrialTableTests(PostgresServerFixture postgres)
{
    [Fact]
    public async Task Table_SortsInSql_NullsLast_AndPagesWithTotals()
    {
        var (server, sweep) = await SweepPagesTests.StartAsync("pages_table", postgres);
        await using var _ = server;
        async Task<TrialTable> Table(string query) =>
            (await server.Http.GetFromJsonAsync<TrialTable>($"api/sweeps/{sweep.Id}/trials/table?{query}"))!;

        Assert.Equal([0, 1, 2, 3, 4, 5, 6], (await Table("")).Items.Select(t => t.Number));
        Assert.Equal([6, 5, 4, 3, 2, 1, 0], (await Table("order=desc")).Items.Select(t => t.Number));
        Assert.Equal([3, 0, 1, 6, 2, 4, 5], (await Table("sort=value")).Items.Select(t => t.Number));
        Assert.Equal([2, 6, 1, 0, 3, 4, 5], (await Table("sort=value&order=desc")).Items.Select(t => t.Number));
        Assert.Equal([1, 3, 0, 2, 4, 5, 6], (await Table("sort=costUsd")).Items.Select(t => t.Number));
        Assert.Equal([0, 3, 1, 2, 4, 5, 6], (await Table("sort=costUsd&order=desc")).Items.Select(t => t.Number));
        Assert.Equal([0, 3, 1, 2, 6, 4, 5], (await Table("sort=epochs&order=desc")).Items.Select(t => t.Number));
        Assert.Equal([3, 0, 1, 2, 4, 5, 6], (await Table("sort=preemptions&order=desc")).Items.Select(t => t.Number));
        // States by name: Cancelled, Complete ×4, Failed, Pruned.
        Assert.Equal([5, 0, 1, 3, 6, 4, 2], (await Table("sort=state")).Items.Select(t => t.Number));

        var complete = await Table("state=Complete&sort=value&offset=1&limit=2");
        Assert.Equal((4, 1), (complete.Total, complete.Offset));
        Assert.Equal([0, 1], complete.Items.Select(t => t.Number));
        var beyond = await Table("offset=10");
        Assert.Equal(7, beyond.Total);
        Assert.Empty(beyond.Items);

        var three = (await Table("")).Items[3];
        Assert.Equal((sweep.TrialIds[3], "Complete", 0.2, 3, 3, 1, 0.08m, true),
            (three.TrialId, three.State, three.Value, three.Epochs, three.BestEpoch, three.Preemptions, three.CostUsd, three.Checkpoint));
        var zero = (await Table("")).Items[0];
        Assert.Equal((0.10m, false), (zero.CostUsd, zero.Checkpoint));
        Assert.Equal("adam", zero.Params["optimizer"].ToString());
        var failed = (await Table("")).Items[4];
        Assert.Equal((null, 0, null, null), (failed.Value, failed.Epochs, failed.BestEpoch, failed.CostUsd));
    }

    [Theory]
    [InlineData("sort=color")]
    [InlineData("order=sideways")]
    [InlineData("state=Sleeping")]
    [InlineData("limit=201")]
    [InlineData("offset=-1")]
    public async Task Table_Answers400_ForAQueryItCannotRun(string query)
    {
        var (server, sweep) = await SweepPagesTests.StartAsync("pages_table_bad", postgres);
        await using var _ = server;

        using var response = await server.Http.GetAsync($"api/sweeps/{sweep.Id}/trials/table?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}

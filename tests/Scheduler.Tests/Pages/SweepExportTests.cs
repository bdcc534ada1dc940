using System.Net.Http.Json;
using System.Text.Json;
using Tuner.Scheduler.Api.Contracts;
using Tuner.TestSupport.Postgres;

namespace Tuner.Scheduler.Tests.Pages;

/// <summary>GET /api/sweeps/{id}/export over <see cref="KnownSweep"/>: the CSV's columns and RFC 4180 quoting, and the
/// JSON array, each as an attachment.</summary>
[Collection("postgres")]
public sealed class SweepExportTests(PostgresServerFixture postgres)
{
    [Fact]
    public async Task Csv_HasAColumnPerParameter_AndQuotesAChoiceWithACommaAndQuotes()
    {
        var (server, sweep) = await SweepPagesTests.StartAsync("pages_export_csv", postgres);
        await using var _ = server;

        using var response = await server.Http.GetAsync($"api/sweeps/{sweep.Id}/export");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal($"sweep-{sweep.Id}-trials.csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var lines = text.Split("\r\n");
        Assert.Equal(9, lines.Length); // a header, 7 trials, and the empty rest after the last CRLF
        Assert.Equal("", lines[^1]);
        Assert.Equal("number,state,value,param.lr,param.layers,param.optimizer,epochs,bestEpoch,preemptions,lostRuns,startedAt,endedAt,costUsd", lines[0]);
        Assert.Equal("3,Complete,0.2,0.02,4,adam,3,3,1,0,2026-03-01T12:00:03.0000000Z,2026-03-01T12:06:40.0000000Z,0.080000", lines[4]);
        Assert.Equal("4,Failed,,0.0001,1,adam,0,,0,0,2026-03-01T12:00:04.0000000Z,2026-03-01T12:02:00.0000000Z,", lines[5]);
        Assert.Equal("6,Complete,0.7,0.003,2,\"sgd, \"\"nesterov\"\"\",1,1,0,0,2026-03-01T12:00:06.0000000Z,2026-03-01T12:03:20.0000000Z,", lines[7]);
    }

    [Fact]
    public async Task Json_IsAnArrayOfEveryTrial()
    {
        var (server, sweep) = await SweepPagesTests.StartAsync("pages_export_json", postgres);
        await using var _ = server;

        using var response = await server.Http.GetAsync($"api/sweeps/{sweep.Id}/export?format=json");
        var trials = (await response.Content.ReadFromJsonAsync<List<ExportedTrial>>())!;

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"sweep-{sweep.Id}-trials.json", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal([0, 1, 2, 3, 4, 5, 6], trials.Select(t => t.Number));
        Assert.Equal((KnownSweep.QuotedChoice, 0.7, 1), (((JsonElement)trials[6].Params["optimizer"]).GetString(), trials[6].Value, trials[6].Epochs));
        Assert.Equal((0.08m, 1, "Complete"), (trials[3].CostUsd, trials[3].Preemptions, trials[3].State));
        Assert.Null(trials[5].EndedAt);
    }
}

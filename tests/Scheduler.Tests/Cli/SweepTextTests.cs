using System.Net.Http.Json;
using System.Text.Json;
using Tuner.Scheduler.Api.Contracts;
using Tuner.Scheduler.Cli;

namespace Tuner.Scheduler.Tests.Cli;

/// <summary>
/// `tuner run` prints a sweep from the objects of its own process, `tuner status` from the API's JSON: the lines must
/// be the same, numbers included, and name the best trial by its number with its id beside it.
/// </summary>
public sealed class SweepTextTests
{
    private static readonly SweepDetails InProcess = new(
        7, "mnist", "Completed", "max_trials reached", "val_accuracy", "maximize",
        DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture),
        DateTimeOffset.Parse("2026-01-01T00:03:01Z", System.Globalization.CultureInfo.InvariantCulture), 30, 2, 42,
        new TrialCounts(0, 0, 10, 19, 1, 0, 2),
        new BestTrial(412, 17,
            new Dictionary<string, object> { ["learning_rate"] = 0.0012345678, ["hidden_units"] = 256L, ["optimizer"] = "adam", ["momentum"] = 0.9 },
            0.98123456, 6, "file:///c/best.ckpt"));

    [Fact]
    public async Task StatusLines_AreRunLines_WhenTheSweepComesAsJsonFromTheApi()
    {
        var json = JsonContent.Create(InProcess, options: new JsonSerializerOptions(JsonSerializerDefaults.Web));
        var fromApi = (await json.ReadFromJsonAsync<SweepDetails>(new JsonSerializerOptions(JsonSerializerDefaults.Web)))!;

        Assert.Equal(SweepText.Best(InProcess), SweepText.Best(fromApi));
        Assert.Equal(SweepText.Headline(InProcess, DateTimeOffset.UnixEpoch), SweepText.Headline(fromApi, DateTimeOffset.UnixEpoch));
    }

    [Fact]
    public void Best_NamesTheTrialByNumber_WithItsIdBeside_AndFourDecimalValues()
    {
        Assert.Equal(
            [
                "Best trial: 17 (id 412), val_accuracy = 0.9812 at epoch 6 (maximize)",
                "  params:     hidden_units=256, learning_rate=0.001235, momentum=0.9, optimizer=adam",
                "  checkpoint: file:///c/best.ckpt",
            ],
            SweepText.Best(InProcess));
        Assert.Equal(
            "Sweep 7 'mnist' Completed in 181s (max_trials reached): 0 running, 0 waiting, 10 complete, 19 pruned, 1 failed, 0 cancelled, 2 preemptions, 0 lost runs",
            SweepText.Headline(InProcess, DateTimeOffset.UnixEpoch));
    }
}

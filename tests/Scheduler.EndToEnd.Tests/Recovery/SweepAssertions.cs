using Tuner.Workloads;
using Tuner.Scheduler.Api.Contracts;
using Tuner.Trainer;
using Tuner.Trainer.Checkpoints;
using Tuner.Trainer.Workloads;
using Tuner.TestSupport;

namespace Tuner.Scheduler.EndToEnd.Tests.Recovery;

/// <summary>What must hold after any sweep, however its workers died.</summary>
internal static class SweepAssertions
{
    public static void EveryTrialEndedForAStatedReason(IReadOnlyList<TrialView> trials)
    {
        foreach (var trial in trials)
        {
            Assert.Contains(trial.State, new[] { "Complete", "Pruned", "Failed" });
            if (trial.State == "Failed")
            {
                Assert.False(string.IsNullOrWhiteSpace(trial.Error), $"trial {trial.Number} failed without a reason");
            }
        }
    }

    /// <summary>
    /// A run that was handed back (SIGTERM) checkpointed where it stopped, so the next run starts exactly there; a run
    /// that was lost (SIGKILL) may lose at most the one epoch it reported but had not yet checkpointed.
    /// </summary>
    public static void NoEpochTrainedTwiceBeyondItsCheckpoint(IReadOnlyList<TrialView> trials)
    {
        foreach (var trial in trials)
        {
            for (var i = 1; i < trial.Runs.Count; i++)
            {
                var previous = trial.Runs[i - 1];
                var reached = previous.ResumedEpoch + previous.EpochsTrained;
                var allowed = previous.Outcome == "Lost" ? reached - 1 : reached;
                Assert.True(trial.Runs[i].ResumedEpoch >= allowed,
                    $"trial {trial.Number} run {i} resumed at epoch {trial.Runs[i].ResumedEpoch}, but run {i - 1} ({previous.Outcome}) had reached epoch {reached}");
            }
        }
    }

    /// <summary>With keep_best 1 only the sweep's best trial keeps a checkpoint (its best epoch's); every other trial keeps none.</summary>
    public static void RetentionKeptOnlyBestCheckpoints(SweepDetails sweep, IReadOnlyList<TrialView> trials, string checkpointRoot, long sweepId)
    {
        foreach (var trial in trials)
        {
            var folder = Path.Combine(checkpointRoot, "sweeps", sweepId.ToString(System.Globalization.CultureInfo.InvariantCulture), "trials",
                trial.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var files = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.ckpt") : [];
            var expected = trial.Id == sweep.Best?.TrialId ? 1 : 0;
            Assert.True(trial.Checkpoints.Count == expected, $"trial {trial.Number} ({trial.State}) keeps {trial.Checkpoints.Count} checkpoint records");
            Assert.True(files.Length == expected, $"trial {trial.Number} ({trial.State}) keeps {files.Length} checkpoint files: {string.Join(", ", files)}");
        }
    }

    /// <summary>The best trial's checkpoint is on disk (compressed, as workers store it) and, downloaded through the API
    /// as the workload wrote it, loads and scores well on held-out data.</summary>
    public static async Task BestCheckpointLoadsAsync(SweepDetails sweep, IReadOnlyList<TrialView> trials, HttpClient api)
    {
        Assert.NotNull(sweep.Best);
        var best = trials.Single(t => t.Id == sweep.Best.TrialId);
        Assert.Equal("Complete", best.State);
        Assert.Equal(best.Reports.Max(r => r.Value), sweep.Best.Value);
        var path = new Uri(sweep.Best.CheckpointUri!).LocalPath;
        Assert.True(File.Exists(path), $"best checkpoint {path} is missing");
        Assert.Equal("TUNERCZ"u8.ToArray(), File.ReadAllBytes(path)[..7]);

        using var response = await api.GetAsync($"api/sweeps/{sweep.Id}/trials/{best.Number}/checkpoint");
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        await using var stream = await response.Content.ReadAsStreamAsync();
        var workload = BuiltInWorkloads.Find("mnist-mlp")!;
        var parameters = best.Params.ToDictionary(p => p.Key, p => ToValue(p.Value));
        var options = new Dictionary<string, object> { ["train_samples"] = 12000L, ["validation_samples"] = 1000L };
        var spec = new TrialSpec("mnist-mlp", parameters, options, 5, 0);
        var test = await WorkloadEvaluation.TestAsync(
            workload, spec, new TrainingEnvironment(TestSupport.RepositoryPaths.MnistDirectory), stream, CancellationToken.None);
        Assert.NotNull(test);
        Assert.InRange(test["val_accuracy"], 0.5, 1.0);
    }

    /// <summary>Params come back from the API as JSON elements; the workload wants numbers and strings.</summary>
    private static object ToValue(object value) => value is System.Text.Json.JsonElement e
        ? e.ValueKind switch
        {
            System.Text.Json.JsonValueKind.String => e.GetString()!,
            System.Text.Json.JsonValueKind.Number when e.TryGetInt64(out var l) => l,
            System.Text.Json.JsonValueKind.Number => e.GetDouble(),
            _ => e.ToString(),
        }
        : value;
}

using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Tuner.Scheduler.Api.Contracts;
using Tuner.Scheduler.EndToEnd.Tests.Support;
using Tuner.TestSupport;
using Tuner.TestSupport.Plugins;
using Tuner.TestSupport.Postgres;
using Tuner.Trainer.Plugins;

namespace Tuner.Scheduler.EndToEnd.Tests.Workloads;

/// <summary>A plugin bundle through a real `tuner server` and `tuner worker`: uploaded over REST, read at submission
/// (a bad class is a 400 naming it), trained by a worker that fetches it by digest, and its failures in the trial's record.</summary>
[Collection("postgres")]
public sealed class PluginSweepTests(PostgresServerFixture postgres)
{
    private static string Sweep(string digest, string type = TestPlugins.Linear, string extra = "") => $$"""
        name: linear-plugin
        workload: { kind: plugin, bundle: '{{digest}}', type: {{type}}, max_epochs: 3{{extra}} }
        objective: { metric: val_loss }
        space:
          learning_rate: { type: float, low: 0.01, high: 0.2, log: true }
        sampler: { kind: random, seed: 1 }
        pruner: { kind: none }
        budget: { max_trials: 2, parallelism: 1, max_attempts: 1 }
        """;

    [Fact]
    public async Task AnUploadedPlugin_IsCheckedAtSubmission_AndTrainedByAWorker()
    {
        await using var cluster = await TunerCluster.StartAsync(await postgres.CreateDatabaseAsync("plugin_sweep"));
        var bundle = await PluginBundle.PackAsync(TestPlugins.SamplePlugins, CancellationToken.None);

        var uploaded = await UploadAsync(cluster, bundle.Bytes);
        var again = await UploadAsync(cluster, bundle.Bytes);
        var notZip = await UploadAsync(cluster, "not a zip"u8.ToArray());
        var wrongType = await cluster.SubmitAsync(Sweep($"sha256:{bundle.Sha256}", type: "SamplePlugins.Missing"));
        var unknownBundle = await cluster.SubmitAsync(Sweep("sha256:" + new string('d', 64)));
        var created = await TunerCluster.ReadAsync<SweepCreated>(await cluster.SubmitAsync(Sweep($"sha256:{bundle.Sha256}")));
        cluster.StartWorker();
        var sweep = await Eventually.GetAsync(
            async () => await cluster.SweepAsync(created.Id) is { State: "Completed" } s ? s : null,
            TimeSpan.FromMinutes(2), "the plugin sweep to complete", cluster.Diagnostics);

        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var body = await TunerCluster.ReadAsync<BundleUploaded>(uploaded);
        Assert.Equal(($"sha256:{bundle.Sha256}", bundle.Bytes.LongLength), (body.Bundle, body.SizeBytes));
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, notZip.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
        var typeErrors = await ErrorsAsync(wrongType);
        Assert.Equal(["workload.type"], typeErrors.Keys);
        Assert.StartsWith($"bundle sha256:{bundle.Sha256} has no workload class 'SamplePlugins.Missing'; its workloads: ", typeErrors["workload.type"]);
        Assert.Equal(HttpStatusCode.BadRequest, unknownBundle.StatusCode);
        Assert.Contains("is not in the artifact store", (await ErrorsAsync(unknownBundle))["workload.bundle"]);
        Assert.Equal(2, sweep.Trials.Complete);
        var trials = await cluster.TrialsAsync(created.Id);
        Assert.All(trials, t => Assert.Equal([1, 2, 3], t.Reports.Select(r => r.Step)));
        Assert.True(Directory.Exists(Path.Combine(cluster.Home, "plugins", bundle.Sha256)), "the worker keeps the bundle it fetched, by digest");
    }

    [Fact]
    public async Task APluginThatThrowsWhileTraining_EndsItsTrialFailed_WithWhereAndWhat()
    {
        await using var cluster = await TunerCluster.StartAsync(await postgres.CreateDatabaseAsync("plugin_fails"));
        var bundle = await PluginBundle.PackAsync(TestPlugins.SamplePlugins, CancellationToken.None);
        await UploadAsync(cluster, bundle.Bytes);

        var created = await TunerCluster.ReadAsync<SweepCreated>(
            await cluster.SubmitAsync(Sweep($"sha256:{bundle.Sha256}", extra: ", fail_at: 2")));
        cluster.StartWorker();
        var sweep = await Eventually.GetAsync(
            async () => await cluster.SweepAsync(created.Id) is { State: "Completed" } s ? s : null,
            TimeSpan.FromMinutes(2), "the failing plugin sweep to end", cluster.Diagnostics);

        Assert.Equal(2, sweep.Trials.Failed);
        var trials = await cluster.TrialsAsync(created.Id);
        Assert.All(trials, t => Assert.Equal(
            "workload 'linear' threw InvalidOperationException while training at epoch 1, batch 2: the sample plugin fails at batch 2 on purpose",
            t.Error));
    }

    [Fact]
    public async Task APluginTrialWhoseWorkerIsKilled_ResumesFromItsCheckpoint_ToTheSameMetricsAsAnUninterruptedOne()
    {
        await using var cluster = await TunerCluster.StartAsync(await postgres.CreateDatabaseAsync("plugin_killed"),
            new Dictionary<string, string> { ["TUNER_LEASE_SECONDS"] = "4" });
        var bundle = await PluginBundle.PackAsync(TestPlugins.SamplePlugins, CancellationToken.None);
        await UploadAsync(cluster, bundle.Bytes);
        // 8 batches an epoch at 150 ms each: about 1.2 s an epoch, 6 epochs, a checkpoint at every epoch's end.
        var slow = Sweep($"sha256:{bundle.Sha256}", extra: ", batch_delay_ms: 150")
            .Replace("max_epochs: 3", "max_epochs: 6", StringComparison.Ordinal)
            .Replace("max_trials: 2", "max_trials: 1", StringComparison.Ordinal);
        var (straight, resumed) = await cluster.RunStraightThenKilledAsync(
            slow.Replace("linear-plugin", "straight", StringComparison.Ordinal),
            slow.Replace("linear-plugin", "interrupted", StringComparison.Ordinal));

        Assert.Equal([1, 2, 3, 4, 5, 6], resumed.Reports.Select(r => r.Step));
        Assert.Equal(straight.Reports.Select(r => (r.Step, r.Metrics["val_loss"])), resumed.Reports.Select(r => (r.Step, r.Metrics["val_loss"])));
        Assert.Equal(["Lost", "Completed"], resumed.Runs.Select(r => r.Outcome));
        Assert.True(resumed.Runs[1].ResumedEpoch >= 2, $"the second run resumed from epoch {resumed.Runs[1].ResumedEpoch}, not from its checkpoint");
    }

    private static async Task<HttpResponseMessage> UploadAsync(TunerCluster cluster, byte[] bytes)
    {
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        return await cluster.Http.PostAsync("api/bundles", content);
    }

    private static async Task<Dictionary<string, string>> ErrorsAsync(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.GetProperty("errors").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Single().GetString()!);
    }
}

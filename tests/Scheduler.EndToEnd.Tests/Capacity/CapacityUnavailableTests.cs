using System.Net;
using System.Net.Http.Json;
using Tuner.Scheduler.Api.Contracts;
using Tuner.Scheduler.EndToEnd.Tests.Support;
using Tuner.Trainer.Data;
using Tuner.TestSupport.Postgres;
using Tuner.TestSupport;
using Tuner.TestSupport.Sweeps;

namespace Tuner.Scheduler.EndToEnd.Tests.Capacity;

/// <summary>
/// A sweep whose trials wait for capacity that will never come says so, through a real `tuner server`: in the submit
/// response, once in its events, and in `tuner status`, with what to do.
/// </summary>
[Collection("postgres")]
public sealed class CapacityUnavailableTests(PostgresServerFixture postgres)
{
    private const string LocalSweep = """
        name: no-capacity
        workload: { kind: mnist-mlp, max_epochs: 1, train_samples: 500, validation_samples: 100 }
        objective: { metric: val_accuracy }
        space:
          learning_rate: { type: float, low: 1.0e-3, high: 1.0e-2, log: true }
        sampler: { kind: random, seed: 2 }
        budget: { max_trials: 1, parallelism: 1 }
        """;

    [Fact]
    public async Task LocalSweep_WithNoWorkerAndNoLocalWorkersAllowed_SaysSoOnce_AndRunsWhenAWorkerStarts()
    {
        await MnistFiles.EnsureAsync(RepositoryPaths.MnistDirectory, CancellationToken.None);
        await using var cluster = await TunerCluster.StartAsync(await postgres.CreateDatabaseAsync("no_capacity_local"));

        var response = await cluster.SubmitAsync(LocalSweep);
        var created = await TunerCluster.ReadAsync<SweepCreated>(response);
        var unavailable = await EventAsync(cluster, created.Id);
        var status = await CliAsync(cluster, "status", created.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        cluster.StartWorker();
        await Eventually.GetAsync(
            async () => await cluster.SweepAsync(created.Id) is { State: "Completed" } s ? s : null,
            TimeSpan.FromMinutes(3), "the sweep to complete once a worker runs", cluster.Diagnostics);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var warning = Assert.Single(created.Warnings!);
        Assert.Contains("TUNER_LOCAL_MAX_WORKERS is 0", warning);
        Assert.Contains("start a worker with `tuner worker` or set TUNER_LOCAL_MAX_WORKERS", warning);
        Assert.Equal(warning, unavailable.Message);
        Assert.Contains($"Waiting for capacity: {warning}", status);
        var events = await cluster.Http.GetFromJsonAsync<List<SweepEventView>>($"api/sweeps/{created.Id}/events");
        Assert.Single(events!, e => e.Kind == "capacity_unavailable");
    }

    [Fact]
    public async Task AwsSweep_OnAServerWithoutAws_SaysTheProviderIsNotConfigured()
    {
        await using var cluster = await TunerCluster.StartAsync(await postgres.CreateDatabaseAsync("no_capacity_aws"));
        var file = Path.Combine(cluster.Home, "aws-sweep.yaml");
        await File.WriteAllTextAsync(file, CloudSweeps.Aws());

        var submitted = await CliAsync(cluster, "submit", file);
        var unavailable = await EventAsync(cluster, (await cluster.Http.GetFromJsonAsync<Page<SweepSummary>>("api/sweeps"))!.Items.Single().Id);

        Assert.Contains("warning: no worker serves pool aws_g5_xlarge_g4dn_xlarge_gpu1 and none can be launched: aws capacity is not configured", submitted);
        Assert.Contains("or start a worker with `TUNER_QUEUE=aws_g5_xlarge_g4dn_xlarge_gpu1 tuner worker`", unavailable.Message);
    }

    private static Task<SweepEventView> EventAsync(TunerCluster cluster, long sweepId) => Eventually.GetAsync(async () =>
        (await cluster.Http.GetFromJsonAsync<List<SweepEventView>>($"api/sweeps/{sweepId}/events"))!.FirstOrDefault(e => e.Kind == "capacity_unavailable"),
        TimeSpan.FromSeconds(60), "the capacity_unavailable event", cluster.Diagnostics);

    /// <summary>Runs a `tuner` client command against the cluster's server; returns what it printed.</summary>
    private static async Task<string> CliAsync(TunerCluster cluster, params string[] arguments)
    {
        await using var cli = TunerProcess.Start(new Dictionary<string, string>(), [.. arguments, "--server", cluster.Http.BaseAddress!.ToString().TrimEnd('/')]);
        Assert.NotNull(await cli.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        return cli.Output;
    }
}

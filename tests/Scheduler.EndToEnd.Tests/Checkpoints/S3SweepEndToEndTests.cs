using System.Globalization;
using Npgsql;
using Tuner.Trainer;
using Tuner.Scheduler.Api.Contracts;
using Tuner.Scheduler.EndToEnd.Tests.Support;
using Tuner.Trainer.Checkpoints;
using Tuner.Trainer.Data;
using Tuner.TestSupport.Postgres;
using Tuner.TestSupport.S3;
using Tuner.TestSupport;

namespace Tuner.Scheduler.EndToEnd.Tests.Checkpoints;

/// <summary>
/// A `tuner server` and `tuner worker` processes configured with TUNER_CHECKPOINTS=s3://… and TUNER_S3_ENDPOINT (a real
/// fauxqs server; credentials from AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY): a trial is SIGTERMed after its first
/// checkpoints, resumes on another worker from the S3 checkpoint it verified, and completes. Its checkpoints are stored
/// compressed (the default) and `tuner checkpoint` downloads the kept one as the workload wrote it.
/// </summary>
[Collection("postgres")]
public sealed class S3SweepEndToEndTests(PostgresServerFixture postgres, S3ServerFixture s3) : IClassFixture<S3ServerFixture>
{
    private const string Sweep = """
        name: e2e-s3-checkpoints
        workload: { kind: mnist-mlp, max_epochs: 6, train_samples: 12000, validation_samples: 1000 }
        objective: { metric: val_accuracy, direction: maximize }
        space:
          learning_rate: { type: float, low: 1.0e-3, high: 1.0e-2, log: true }
          hidden_units: 64
          batch_size: 64
        sampler: { kind: random, seed: 5 }
        budget: { max_trials: 1, parallelism: 1 }
        checkpoints: { every_epochs: 1, keep_best: 1 }
        """;

    [Fact]
    public async Task Trial_ResumesFromItsVerifiedS3Checkpoint_OnAnotherWorker_AfterATermination()
    {
        await MnistFiles.EnsureAsync(RepositoryPaths.MnistDirectory, CancellationToken.None);
        var connectionString = await postgres.CreateDatabaseAsync("e2e_s3");
        var location = s3.NewLocation();
        await using var cluster = await TunerCluster.StartAsync(connectionString, new Dictionary<string, string>
        {
            ["TUNER_CHECKPOINTS"] = location.ToString(),
            ["TUNER_S3_ENDPOINT"] = s3.ServiceUrl,
            ["AWS_ACCESS_KEY_ID"] = S3ServerFixture.AccessKey,
            ["AWS_SECRET_ACCESS_KEY"] = S3ServerFixture.SecretKey,
        });
        var first = cluster.StartWorker();
        var created = await TunerCluster.ReadAsync<SweepCreated>(await cluster.SubmitAsync(Sweep));

        await Eventually.GetAsync(
            async () => (await cluster.TrialsAsync(created.Id)).SingleOrDefault() is
                { State: "Running", Checkpoints.Count: > 0, Reports.Count: <= 3 } t ? t : null,
            TimeSpan.FromMinutes(3), "a checkpointed trial in mid-training", cluster.Diagnostics);
        first.Terminate();
        Assert.NotNull(await first.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        cluster.StartWorker();
        await Eventually.GetAsync(
            async () => await cluster.SweepAsync(created.Id) is { State: "Completed" } s ? s : null,
            TimeSpan.FromMinutes(4), "the sweep to complete", cluster.Diagnostics);

        var trial = Assert.Single(await cluster.TrialsAsync(created.Id));
        Assert.Equal("Complete", trial.State);
        Assert.Equal("Preempted", trial.Runs[0].Outcome);
        Assert.True(trial.Runs[^1].ResumedEpoch >= 1, $"the trial resumed at epoch {trial.Runs[^1].ResumedEpoch}\n{cluster.Diagnostics()}");
        var rows = await CheckpointRowsAsync(connectionString, trial.Id);
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.StartsWith($"{location}/sweeps/{created.Id}/trials/{trial.Id}/", r.Uri));
        Assert.All(rows, r => Assert.Matches("^[0-9a-f]{64}$", r.Sha256));
        Assert.DoesNotContain(rows, r => r.State == "Unusable");
        var store = s3.NewStore(location);
        foreach (var live in rows.Where(r => r.State == "Live"))
        {
            await using var stream = await store.OpenReadAsync(live.Key, CancellationToken.None);
            Assert.NotNull(stream);
            using var bytes = new MemoryStream();
            await stream.CopyToAsync(bytes);
            Assert.Equal(live.Sha256, CheckpointDigest.Sha256Of(bytes.ToArray()));
            Assert.Equal(live.SizeBytes, bytes.Length);
            Assert.Equal("TUNERCZ", System.Text.Encoding.ASCII.GetString(bytes.ToArray(), 0, 7));
            Assert.Equal("brotli", live.Compression);
            Assert.True(live.ContentBytes > live.SizeBytes, $"{live.ContentBytes} bytes of content stored in {live.SizeBytes}");
        }

        var kept = Assert.Single(rows, r => r.State == "Live");
        var file = Path.Combine(cluster.Home, "kept.ckpt");
        var download = await TunerCommand.RunAsync(new Dictionary<string, string>(),
            "checkpoint", created.Id.ToString(CultureInfo.InvariantCulture), trial.Number.ToString(CultureInfo.InvariantCulture),
            "--output", file, "--server", cluster.Http.BaseAddress!.ToString().TrimEnd('/'));
        Assert.True(download.ExitCode == 0, download.ToString());
        Assert.StartsWith($"wrote {file} (", download.Stdout);
        var content = await File.ReadAllBytesAsync(file);
        Assert.Equal(kept.ContentBytes, content.Length);
        var checkpoint = await TrialCheckpoint.ReadAsync(new MemoryStream(content), CancellationToken.None);
        Assert.Equal("mnist-mlp", checkpoint.Workload);
        Assert.Equal(checkpoint.Position.Epoch, checkpoint.History.Count);
    }

    private sealed record CheckpointRow(string Key, string Uri, string Sha256, long SizeBytes, string State, long ContentBytes, string? Compression);

    private static async Task<List<CheckpointRow>> CheckpointRowsAsync(string connectionString, long trialId)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT key, uri, coalesce(sha256, ''), size_bytes, state, content_bytes, compression FROM tuner.checkpoints WHERE trial_id = @trial ORDER BY id",
            connection);
        command.Parameters.AddWithValue("trial", trialId);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<CheckpointRow>();
        while (await reader.ReadAsync())
        {
            rows.Add(new CheckpointRow(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3), reader.GetString(4),
                reader.GetInt64(5), reader.IsDBNull(6) ? null : reader.GetString(6)));
        }

        return rows;
    }
}

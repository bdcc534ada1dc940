using Tuner.Capacity.Aws;
using Tuner.Core;
using Tuner.Core.Settings;
using Tuner.Scheduling.Capacity;
using Tuner.Scheduling.Settings;

namespace Tuner.Scheduler.Tests.Settings;

/// <summary>The options classes bound from TUNER_ configuration: their defaults, every problem at once, and what a worker is handed.</summary>
public sealed class TunerSettingsReadTests
{
    private static TunerSettings Read(Dictionary<string, string?> variables, string? home = null)
    {
        var reader = new SettingsReader(SettingVariables.Configuration(variables));
        var settings = TunerSettings.Read(reader, home);
        reader.ThrowIfAny();
        return settings;
    }

    [Fact]
    public void Read_GivesTheDefaults_WhenNothingIsSet()
    {
        var settings = Read([]);

        Assert.Equal(Path.GetFullPath(".tuner"), settings.Home);
        Assert.Null(settings.DatabaseUrl);
        Assert.Equal(55432, settings.LocalPostgresPort);
        Assert.Equal(Path.Combine(settings.Home, "checkpoints"), settings.CheckpointRoot);
        Assert.Equal(Path.Combine(settings.Home, "data", "mnist"), settings.DataDirectory);
        Assert.Null(settings.S3Endpoint);
        Assert.Equal("us-east-1", settings.S3Region);
        Assert.Equal("http://127.0.0.1:5080", settings.Urls);
        Assert.Equal(TimeSpan.FromSeconds(20), settings.LeaseDuration);
        Assert.Equal(TimeSpan.FromMinutes(5), settings.JobInvisibilityTimeout);
        Assert.Equal(1, settings.TrainingThreads);
        Assert.Equal("cpu", settings.TrainingDevice);
        Assert.Equal(Tuner.Trainer.Checkpoints.Compression.CheckpointCompression.Brotli, settings.CheckpointCompression);
        Assert.Null(settings.KeptStorageClass);
    }

    [Fact]
    public void Read_GivesWhatARecordBuiltInCodeGets_ForTheSameHome()
    {
        var read = Read([], "/srv/tuner");

        Assert.Equal(new TunerSettings { Home = "/srv/tuner", CheckpointRoot = "/srv/tuner/checkpoints", DataDirectory = "/srv/tuner/data/mnist" }, read);
    }

    [Fact]
    public void Read_TreatsABlankValueAsUnset()
    {
        var settings = Read(new() { ["TUNER_LEASE_SECONDS"] = " ", ["TUNER_DEVICE"] = "" });

        Assert.Equal(TimeSpan.FromSeconds(20), settings.LeaseDuration);
        Assert.Equal("cpu", settings.TrainingDevice);
    }

    [Fact]
    public void Read_ListsEveryProblemAtOnce()
    {
        var reader = new SettingsReader(SettingVariables.Configuration(new Dictionary<string, string?>
        {
            ["TUNER_LEASE_SECONDS"] = "abc",
            ["TUNER_PG_PORT"] = "70000",
            ["TUNER_DEVICE"] = "gpu",
            ["TUNER_THREADS"] = "0",
            ["TUNER_URLS"] = "ftp://x",
            ["TUNER_PATH_BASE"] = "tuner/",
            ["TUNER_S3_REGION"] = "US East",
            ["TUNER_CHECKPOINT_COMPRESSION"] = "zstd",
            ["TUNER_CHECKPOINT_KEPT_STORAGE_CLASS"] = "GLACIER",
            ["TUNER_DEPLOYMENT"] = "Prod!",
            ["TUNER_SPOT_MARKET_SEED"] = "soon",
            ["TUNER_LIMITS__MAX_TRIALS"] = "abc",
        }));
        TunerSettings.Read(reader);
        CapacitySettings.Read(reader);
        reader.Read<Tuner.Core.Definitions.DefinitionLimits>();

        var error = Assert.Throws<SettingsException>(reader.ThrowIfAny);

        Assert.Equal(
            [
                "TUNER_PG_PORT must be a TCP port from 1 to 65535, but got '70000'",
                "TUNER_LEASE_SECONDS must be a positive whole number, but got 'abc'",
                "TUNER_DEVICE must be cpu, cuda or cuda:N, but got 'gpu'",
                "TUNER_THREADS must be a positive whole number, but got '0'",
                "TUNER_CHECKPOINT_COMPRESSION must be brotli or none, but got 'zstd'",
                "TUNER_URLS must be http:// or https:// URLs separated by ';' (such as http://127.0.0.1:5080), but got 'ftp://x'",
                "TUNER_PATH_BASE must be a path that starts with / and does not end with one, such as /tuner, but got 'tuner/'",
                "TUNER_CHECKPOINT_KEPT_STORAGE_CLASS must be one of STANDARD_IA, ONEZONE_IA, INTELLIGENT_TIERING, GLACIER_IR, but got 'GLACIER'",
                "TUNER_S3_REGION must be a region name of lowercase letters, digits and '-' (such as us-east-1, or auto for R2), but got 'US East'",
                "TUNER_DEPLOYMENT must be 1-40 lowercase letters, digits or '-', starting with a letter (it becomes a GCE label), but got 'Prod!'",
                "TUNER_SPOT_MARKET_SEED must be a whole number, but got 'soon'",
                "TUNER_LIMITS__MAX_TRIALS must be a whole number, but got 'abc'",
            ],
            error.Problems);
    }

    [Theory]
    [InlineData("/tuner", "/tuner")]
    [InlineData("/ml/tuner-prod", "/ml/tuner-prod")]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void PathBase_IsAPathOrUnset(string? value, string? pathBase)
    {
        var reader = new SettingsReader(SettingVariables.Configuration(new Dictionary<string, string?> { ["TUNER_PATH_BASE"] = value }));

        var settings = TunerSettings.Read(reader);

        reader.ThrowIfAny();
        Assert.Equal(pathBase, settings.PathBase);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/tuner/")]
    [InlineData("//evil.example")]
    [InlineData("/tu ner")]
    [InlineData("/tuner?x=1")]
    public void PathBase_ThatIsNotAPath_IsRefused(string value)
    {
        var reader = new SettingsReader(SettingVariables.Configuration(new Dictionary<string, string?> { ["TUNER_PATH_BASE"] = value }));

        TunerSettings.Read(reader);

        var error = Assert.Throws<SettingsException>(reader.ThrowIfAny);
        Assert.Equal([$"TUNER_PATH_BASE must be a path that starts with / and does not end with one, such as /tuner, but got '{value}'"], error.Problems);
    }

    [Theory]
    [InlineData(null, 0, null)]
    [InlineData("9464", 9464, null)]
    [InlineData("70000", 0, "TUNER_WORKER_METRICS_PORT must be 0 (no listener) or a port from 1 to 65535, but got 70000")]
    [InlineData("-1", 0, "TUNER_WORKER_METRICS_PORT must be 0 (no listener) or a port from 1 to 65535, but got -1")]
    [InlineData("metrics", 0, "TUNER_WORKER_METRICS_PORT must be 0 (no listener) or a port from 1 to 65535, but got 'metrics'")]
    public void WorkerMetricsPort_IsOffByDefault_AndAPort(string? value, int port, string? problem)
    {
        var reader = new SettingsReader(SettingVariables.Configuration(new Dictionary<string, string?> { ["TUNER_WORKER_METRICS_PORT"] = value }));

        var worker = reader.Read<Tuner.Scheduling.Workers.WorkerOptions>();

        if (problem is null)
        {
            reader.ThrowIfAny();
            Assert.Equal(port, worker.MetricsPort);
        }
        else
        {
            Assert.Equal([problem], Assert.Throws<SettingsException>(reader.ThrowIfAny).Problems);
        }
    }

    [Fact]
    public void AWorkerHandedToEnvironment_ReadsTheSameSettings()
    {
        var server = Read(new()
        {
            ["TUNER_HOME"] = "/srv/tuner",
            ["TUNER_CHECKPOINTS"] = "s3://ml-sweeps/mnist",
            ["TUNER_S3_ENDPOINT"] = "https://storage.googleapis.com",
            ["TUNER_S3_REGION"] = "auto",
            ["TUNER_LEASE_SECONDS"] = "7",
            ["TUNER_JOB_INVISIBILITY_SECONDS"] = "90",
            ["TUNER_THREADS"] = "3",
            ["TUNER_DEVICE"] = "CUDA:1",
            ["TUNER_CHECKPOINT_COMPRESSION"] = "None",
        });

        var worker = Read(server.ToEnvironment("Host=db;Database=tuner").ToDictionary(e => e.Key, e => (string?)e.Value));

        Assert.Equal(server with { DatabaseUrl = "Host=db;Database=tuner" }, worker);
        Assert.Equal("cuda:1", worker.TrainingDevice);
        Assert.Equal(Tuner.Trainer.Checkpoints.Compression.CheckpointCompression.None, worker.CheckpointCompression);
    }

    [Fact]
    public void KeptStorageClass_NeedsS3Checkpoints()
    {
        var reader = new SettingsReader(SettingVariables.Configuration(new Dictionary<string, string?>
        {
            ["TUNER_CHECKPOINTS"] = "/srv/checkpoints", ["TUNER_CHECKPOINT_KEPT_STORAGE_CLASS"] = "STANDARD_IA",
        }));
        TunerSettings.Read(reader);

        Assert.Equal(
            ["TUNER_CHECKPOINT_KEPT_STORAGE_CLASS needs S3 checkpoints (TUNER_CHECKPOINTS=s3://bucket/prefix), but TUNER_CHECKPOINTS is the folder '/srv/checkpoints'"],
            Assert.Throws<SettingsException>(reader.ThrowIfAny).Problems);
        Assert.Equal("GLACIER_IR", Read(new() { ["TUNER_CHECKPOINTS"] = "s3://ml-sweeps/mnist", ["TUNER_CHECKPOINT_KEPT_STORAGE_CLASS"] = "GLACIER_IR" }).KeptStorageClass);
    }

    [Fact]
    public void CloudSettings_AreReadOnlyWhenSet()
    {
        var reader = new SettingsReader(SettingVariables.Configuration(new Dictionary<string, string?> { ["TUNER_GCP_PROJECT"] = "ml-sweeps" }));

        Assert.False(reader.AnySet<AwsSettings>());
        Assert.True(reader.AnySet<Tuner.Capacity.Gcp.GcpSettings>());
    }
}

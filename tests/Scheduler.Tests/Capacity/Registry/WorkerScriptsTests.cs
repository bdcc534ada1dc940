using Tuner.Scheduling.Capacity;
using Tuner.Core.Model;
using Tuner.Scheduler.Hosting;
using Tuner.Scheduling.Workers;
using Tuner.Core.Capacity;
using Tuner.Scheduling.Settings;

namespace Tuner.Scheduler.Tests.Capacity.Registry;

/// <summary>The startup scripts the registry hands to providers, read as text and run with the real bash.</summary>
public sealed class WorkerScriptsTests
{
    /// <summary>The worker role's connection string, as the server hands it to the scripts (the role's password is hex;
    /// this one is quoted to prove the scripts hand any value on unchanged).</summary>
    private const string QuotedDatabaseUrl = "Host=db.internal;Username=tuner_worker_tuner;Password=it's 'quoted' $HOME";

    /// <summary>The scheduler's own connection string: the schema owner's password.</summary>
    private const string OwnerDatabaseUrl = "Host=db.internal;Username=tuner;Password=owner-s3cret";

    [Fact]
    public async Task CloudScript_RunsImageOnPoolQueueWithGpus_AndCarriesNoLocalFolders()
    {
        var script = Scripts().For(Pool("aws", gpus: 1));

        Assert.Contains(" -e 'TUNER_QUEUE=aws_g5_xlarge_gpu1'", script);
        Assert.Contains(" -e 'TUNER_CHECKPOINTS=s3://bucket/prefix'", script);
        Assert.Contains(" 'example/worker:1' worker\n", script);
        Assert.Contains("docker run --rm --network host --gpus all", script);
        Assert.Contains("TUNER_PREEMPTION_NOTICES=aws", script);
        Assert.DoesNotContain("TUNER_HOME", script);
        Assert.DoesNotContain("TUNER_DATA_DIR", script);
        Assert.Equal(0, (await Bash.RunAsync(script, checkOnly: true)).ExitCode);
    }

    [Fact]
    public void CloudScript_LeavesOutGpus_ForCpuPool()
    {
        var script = Scripts().For(Pool("gcp", gpus: 0));

        Assert.DoesNotContain("--gpus", script);
        Assert.Contains("docker run --rm --network host \\\n", script);
        Assert.Contains("TUNER_PREEMPTION_NOTICES=gcp", script);
    }

    [Fact]
    public async Task CloudScript_HandsValueWithSingleQuotesToDockerUnchanged()
    {
        var script = Scripts().For(Pool("aws", gpus: 1));
        var stubs = "docker() { printf '%s\\n' \"$@\"; }\ncurl() { printf 'i-0123456789abcdef0'; }\nshutdown() { :; }\n";

        var syntax = await Bash.RunAsync(script, checkOnly: true);
        var run = await Bash.RunAsync(stubs + script);

        Assert.Equal(0, syntax.ExitCode);
        Assert.True(run.ExitCode == 0, run.Error);
        var arguments = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("TUNER_DATABASE_URL=" + QuotedDatabaseUrl, arguments);
        Assert.Contains("TUNER_INSTANCE_ID=i-0123456789abcdef0", arguments);
        Assert.Equal(["example/worker:1", "worker"], arguments[^2..]);
    }

    [Fact]
    public async Task LocalScript_ExportsValueWithSingleQuotesUnchanged_AndEndsByExecingThisTuner()
    {
        var script = Scripts().For(Pool("local", gpus: 0));
        var lines = script.TrimEnd('\n').Split('\n');
        var log = Path.GetTempFileName();
        try
        {
            var syntax = await Bash.RunAsync(script, checkOnly: true);
            var probe = string.Join('\n', lines[..^1]) + "\nprintf '%s|%s' \"$TUNER_DATABASE_URL\" \"$TUNER_QUEUE\"\n";
            var run = await Bash.RunAsync(probe, environment: new Dictionary<string, string> { ["TUNER_WORKER_LOG"] = log });

            Assert.Equal(0, syntax.ExitCode);
            Assert.True(run.ExitCode == 0, run.Error);
            Assert.Equal(QuotedDatabaseUrl + "|local", await File.ReadAllTextAsync(log));
            Assert.Equal("exec " + string.Join(' ', SelfProcess.Command().Select(WorkerStartupScript.Quote)) + " worker", lines[^1]);
            Assert.Contains("export TUNER_HOME=", script);
        }
        finally
        {
            File.Delete(log);
        }
    }

    [Fact]
    public void CloudScript_IsRefused_WhenCheckpointsAreNotInObjectStorage()
    {
        var scripts = Scripts(checkpoints: "/home/tuner/.tuner/checkpoints");

        var error = Assert.Throws<CapacityException>(() => scripts.For(Pool("aws", gpus: 1)));

        Assert.Equal((CapacityErrorKind.Rejected, "NoObjectStore"), (error.Kind, error.Code));
        Assert.Contains("'/home/tuner/.tuner/checkpoints'", error.Message);
    }

    [Fact]
    public void CloudScript_IsRefused_WithoutWorkerImage()
    {
        var scripts = Scripts(image: null);

        var error = Assert.Throws<CapacityException>(() => scripts.For(Pool("gcp", gpus: 0)));

        Assert.Equal((CapacityErrorKind.Rejected, "NoWorkerImage"), (error.Kind, error.Code));
    }

    [Theory]
    [InlineData("aws")]
    [InlineData("gcp")]
    public void CloudScript_CarriesTheWorkerRole_NeverTheOwnersPassword(string provider)
    {
        var script = Scripts().For(Pool(provider, gpus: 0));

        Assert.Contains("Username=tuner_worker_tuner", script);
        Assert.DoesNotContain("owner-s3cret", script);
        Assert.DoesNotContain("Username=tuner;", script);
    }

    [Fact]
    public void CloudScript_IsRefused_WithoutACredentialOfWorkersOwn()
    {
        var scripts = Scripts(workerRole: null);

        var error = Assert.Throws<CapacityException>(() => scripts.For(Pool("aws", gpus: 0)));

        Assert.Equal((CapacityErrorKind.Rejected, "NoWorkerCredential"), (error.Kind, error.Code));
        Assert.Contains("TUNER_WORKER_DATABASE_URL", error.Message);
    }

    [Theory]
    [InlineData("aws")]
    [InlineData("local")]
    public void Scripts_CarryTunerWorkerDatabaseUrl_OverTheWorkerRole(string provider)
    {
        var script = Scripts(workerDatabaseUrl: "Host=db.internal;Username=operators_worker;Password=theirs").For(Pool(provider, gpus: 0));

        Assert.Contains("Username=operators_worker;Password=theirs", script);
        Assert.DoesNotContain("tuner_worker_tuner", script);
    }

    [Fact]
    public void LocalScript_CarriesTheOwnersCredential_OnlyWhenThereIsNoWorkerRole()
    {
        Assert.Contains(OwnerDatabaseUrl, Scripts(workerRole: null).For(Pool("local", gpus: 0)));
        Assert.DoesNotContain("owner-s3cret", Scripts().For(Pool("local", gpus: 0)));
    }

    private static WorkerScripts Scripts(
        string checkpoints = RegistryHarness.ObjectStore, string? image = RegistryHarness.Image, string? workerRole = QuotedDatabaseUrl,
        string? workerDatabaseUrl = null)
    {
        var settings = new TunerSettings { Home = "/home/tuner/.tuner", CheckpointRoot = checkpoints, DataDirectory = "/home/tuner/.tuner/data/mnist" };
        var capacity = new CapacitySettings(RegistryHarness.Deployment, image, workerDatabaseUrl, 0) { WorkerRoleDatabaseUrl = workerRole };
        return new WorkerScripts(settings, capacity, new DatabaseAddress(OwnerDatabaseUrl));
    }

    private static CapacityPool Pool(string provider, int gpus) => new()
    {
        Name = provider == "local" ? "local" : $"{provider}_g5_xlarge" + (gpus > 0 ? $"_gpu{gpus}" : ""),
        Provider = provider,
        InstanceTypesJson = "[\"g5.xlarge\"]",
        LabelsJson = "{}",
        GpuCount = gpus,
    };
}

using Tuner.Scheduler.Cli.Failures;
using Tuner.Scheduler.EndToEnd.Tests.Support;
using Tuner.TestSupport;
using Tuner.TestSupport.Sweeps;

namespace Tuner.Scheduler.EndToEnd.Tests.Cli;

/// <summary>
/// The real `tuner` executable given bad input or pointed at nothing: each expected failure exits with its documented
/// code and prints one line on stderr that says what is wrong and what to do, with no stack trace (unless --verbose).
/// </summary>
public sealed class CliInputFailureTests : IDisposable
{
    private readonly string home = Directory.CreateTempSubdirectory("tuner-cli-").FullName;

    private Dictionary<string, string> Environment(params (string Name, string Value)[] more)
    {
        var environment = new Dictionary<string, string> { ["TUNER_HOME"] = home, ["TUNER_DATA_DIR"] = RepositoryPaths.MnistDirectory };
        foreach (var (name, value) in more) environment[name] = value;
        return environment;
    }

    [Fact]
    public async Task Submit_ExitsWithBadInput_WhenTheFileDoesNotExist()
    {
        var result = await TunerCommand.RunAsync(Environment(), "submit", Path.Combine(home, "missing.yaml"));

        var line = FailsClearly.Assert(result, ExitCodes.BadInput, "no such file");
        Assert.Contains(Path.Combine(home, "missing.yaml"), line);
    }

    [Theory]
    [InlineData("abc", "TUNER_LIMITS__MAX_TRIALS must be a whole number, but got 'abc'")]
    [InlineData("99999999999", "TUNER_LIMITS__MAX_TRIALS must be a whole number, but got '99999999999'")]
    [InlineData("0", "TUNER_LIMITS__MAX_TRIALS must be a whole number from 1 to 10000000")]
    public async Task Run_ExitsWithBadInput_WhenADefinitionLimitIsNotAUsableNumber(string value, string message)
    {
        var result = await TunerCommand.RunAsync(
            Environment(("TUNER_LIMITS__MAX_TRIALS", value)), "run", Path.Combine(RepositoryPaths.Root, "examples", "mnist-mlp.yaml"));

        FailsClearly.Assert(result, ExitCodes.BadInput, message);
    }

    [Theory]
    [InlineData("kind: plugin, bundle: ./no-such-build", "workload.bundle: bundle '{0}/no-such-build' does not exist (build the plugin first")]
    [InlineData("kind: tabular-mlp, data: no-such.csv, target: y", "workload.data: no such file {0}/no-such.csv (a relative path is relative to the definition file's folder)")]
    [InlineData("kind: command, command: [train], working_directory: no-such-folder", "workload.working_directory: no such folder {0}/no-such-folder")]
    public async Task Run_ExitsWithBadInput_WhenAPathBesideTheDefinitionIsNotThere(string workload, string message)
    {
        var file = Path.Combine(home, "sweep.yaml");
        await File.WriteAllTextAsync(file, $$"""
            name: missing-paths
            workload: { {{workload}}, max_epochs: 2 }
            objective: { metric: val_loss, direction: minimize }
            space:
              learning_rate: { type: float, low: 0.001, high: 0.1 }
            budget: { max_trials: 2 }
            """);

        var result = await TunerCommand.RunAsync(Environment(), "run", file);

        FailsClearly.Assert(result, ExitCodes.BadInput, string.Format(System.Globalization.CultureInfo.InvariantCulture, message, home));
    }

    [Fact]
    public async Task Status_ExitsWithBadInput_WhenServerIsNotAUrl()
    {
        var result = await TunerCommand.RunAsync(Environment(), "status", "--server", "notaurl");

        FailsClearly.Assert(result, ExitCodes.BadInput, "--server must be the http:// or https:// URL of a running `tuner server`");
    }

    [Fact]
    public async Task Status_ExitsWithServerUnreachable_WhenNoServerListens()
    {
        var url = $"http://127.0.0.1:{FreePort.Next()}";

        var result = await TunerCommand.RunAsync(Environment(), "status", "--server", url);

        var line = FailsClearly.Assert(result, ExitCodes.ServerUnreachable, $"no Tuner server answers at {url} (from --server)");
        Assert.Contains("start one with `tuner server`", line);
    }

    [Fact]
    public async Task Cancel_ExitsWithServerUnreachable_WhenNoServerListens()
    {
        var url = $"http://127.0.0.1:{FreePort.Next()}";

        var result = await TunerCommand.RunAsync(Environment(("TUNER_SERVER", url)), "cancel", "5");

        FailsClearly.Assert(result, ExitCodes.ServerUnreachable, $"no Tuner server answers at {url} (from TUNER_SERVER)");
    }

    [Theory]
    [InlineData("http://*:{0}", "http://127.0.0.1:{0}")]
    [InlineData("http://0.0.0.0:{0};http://127.0.0.1:1", "http://127.0.0.1:{0}")]
    [InlineData("http://localhost:{0}", "http://localhost:{0}")]
    public async Task ClientCommands_FindTheServer_FromTunerUrls_WhenNeitherServerNorTunerServerIsSet(string urls, string expected)
    {
        var port = FreePort.Next();

        var result = await TunerCommand.RunAsync(Environment(("TUNER_URLS", string.Format(urls, port))), "status", "1");

        FailsClearly.Assert(result, ExitCodes.ServerUnreachable, $"no Tuner server answers at {string.Format(expected, port)} (from TUNER_URLS)");
    }

    [Fact]
    public async Task ClientCommands_PreferServerOption_ThenTunerServer_ThenTunerUrls()
    {
        var (option, server, urls) = (FreePort.Next(), FreePort.Next(), FreePort.Next());
        var environment = Environment(("TUNER_SERVER", $"http://127.0.0.1:{server}"), ("TUNER_URLS", $"http://127.0.0.1:{urls}"));

        var withOption = await TunerCommand.RunAsync(environment, "submit", "--server", $"http://127.0.0.1:{option}", WriteDefinition());
        environment.Remove("TUNER_SERVER");
        var withUrls = await TunerCommand.RunAsync(environment, "status");

        FailsClearly.Assert(withOption, ExitCodes.ServerUnreachable, $"at http://127.0.0.1:{option} (from --server)");
        FailsClearly.Assert(withUrls, ExitCodes.ServerUnreachable, $"at http://127.0.0.1:{urls} (from TUNER_URLS)");
    }

    [Fact]
    public async Task Server_ExitsWithBadInput_WhenTunerPgPortIsNotAPort()
    {
        var result = await TunerCommand.RunAsync(Environment(("TUNER_PG_PORT", "abc")), "server");

        FailsClearly.Assert(result, ExitCodes.BadInput, "TUNER_PG_PORT must be a TCP port from 1 to 65535, but got 'abc'");
    }

    [Theory]
    [InlineData("TUNER_LOCAL_MAX_WORKERS", "many", "TUNER_LOCAL_MAX_WORKERS must be a whole number from 0 to 256, but got 'many'")]
    [InlineData("TUNER_DEPLOYMENT", "Prod!", "TUNER_DEPLOYMENT must be 1-40 lowercase letters, digits or '-'")]
    public async Task Server_ExitsWithBadInput_WhenACapacitySettingIsUnusable(string variable, string value, string message)
    {
        var result = await TunerCommand.RunAsync(Environment((variable, value), ("TUNER_PG_PORT", FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture))), "server");

        FailsClearly.Assert(result, ExitCodes.BadInput, message);
    }

    [Fact]
    public async Task Server_ExitsWithBadInput_WhenUrlsIsNotAUrl()
    {
        var result = await TunerCommand.RunAsync(Environment(), "server", "--urls", "notaurl");

        FailsClearly.Assert(result, ExitCodes.BadInput, "--urls must be http:// or https:// URLs");
    }

    [Fact]
    public async Task Server_ExitsWithBadInput_WithoutRepeatingIt_WhenTunerDatabaseUrlIsNotAConnectionString()
    {
        var result = await TunerCommand.RunAsync(Environment(("TUNER_DATABASE_URL", "postgres://tuner:s3cret@db/tuner")), "server");

        FailsClearly.Assert(result, ExitCodes.BadInput, "TUNER_DATABASE_URL must be an Npgsql connection string");
        Assert.DoesNotContain("s3cret", result.Stderr + result.Stdout);
    }

    [Fact]
    public async Task Server_ExitsWithDatabaseUnavailable_WhenTunerDatabaseUrlPointsAtNothing()
    {
        var port = FreePort.Next();

        var result = await TunerCommand.RunAsync(
            Environment(("TUNER_DATABASE_URL", $"Host=127.0.0.1;Port={port};Username=tuner;Password=s3cret;Timeout=5")), "server");

        var line = FailsClearly.Assert(result, ExitCodes.DatabaseUnavailable, $"PostgreSQL: Failed to connect to 127.0.0.1:{port}");
        Assert.Contains("TUNER_DATABASE_URL", line);
        Assert.DoesNotContain("s3cret", result.Stderr + result.Stdout);
    }

    [Fact]
    public async Task Worker_ExitsWithBadInput_WhenTunerDeviceIsUnknown()
    {
        var result = await TunerCommand.RunAsync(Environment(("TUNER_DEVICE", "gpu")), "worker");

        FailsClearly.Assert(result, ExitCodes.BadInput, "TUNER_DEVICE must be cpu, cuda or cuda:N, but got 'gpu'");
    }

    /// <summary>The tests run the CPU build (TorchBackend=cpu), which cannot train on CUDA: train says so instead of training on the CPU.</summary>
    [Fact]
    public async Task Train_ExitsWithDeviceUnavailable_WhenTunerDeviceIsCudaOnTheCpuBuild()
    {
        var result = await TunerCommand.RunAsync(Environment(("TUNER_DEVICE", "cuda")), "train", "--epochs", "1");

        var line = FailsClearly.Assert(result, ExitCodes.DeviceUnavailable, "TUNER_DEVICE=cuda asks for a CUDA GPU");
        Assert.Contains("unset TUNER_DEVICE to train on the CPU", line);
    }

    /// <summary>No network here: every HTTPS request goes to a proxy that is not there.</summary>
    [Fact]
    public async Task Train_ExitsWithDataUnavailable_WhenMnistCannotBeDownloaded()
    {
        var proxy = $"http://127.0.0.1:{FreePort.Next()}";
        var empty = Directory.CreateDirectory(Path.Combine(home, "no-data")).FullName;

        var result = await TunerCommand.RunAsync(
            Environment(("TUNER_DATA_DIR", empty), ("HTTPS_PROXY", proxy), ("https_proxy", proxy), ("NO_PROXY", ""), ("no_proxy", "")),
            "train", "--epochs", "1");

        var line = FailsClearly.Assert(result, ExitCodes.DataUnavailable, "cannot download the training data");
        Assert.Contains("put the MNIST IDX files in TUNER_DATA_DIR", line);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("abc")]
    public async Task Train_ExitsWithBadInput_WhenEpochsIsNotPositive(string epochs)
    {
        var result = await TunerCommand.RunAsync(Environment(), "train", "--epochs", epochs);

        FailsClearly.Assert(result, ExitCodes.BadInput, $"--epochs must be a whole number of at least 1, but got '{epochs}'");
    }

    [Fact]
    public async Task Run_ExitsWithBadInput_WhenTheDefinitionIsInvalid_ListingEveryProblem()
    {
        var file = Path.Combine(home, "bad.yaml");
        await File.WriteAllTextAsync(file, "name: bad\nbudget: { max_trials: 0 }\n");

        var result = await TunerCommand.RunAsync(Environment(), "run", file);

        Assert.True(result.ExitCode == ExitCodes.BadInput, result.ToString());
        Assert.Contains("bad.yaml is not a valid sweep definition", result.StderrLines[0]);
        Assert.Contains(result.StderrLines, l => l.StartsWith("budget.max_trials (line 2):", StringComparison.Ordinal));
        Assert.DoesNotContain("   at ", result.Stderr);
    }

    [Fact]
    public async Task UnknownCommand_ExitsWithBadInput()
    {
        var result = await TunerCommand.RunAsync(Environment(), "frobnicate");

        FailsClearly.Assert(result, ExitCodes.BadInput, "Unrecognized command or argument 'frobnicate'; see `tuner --help`");
    }

    [Fact]
    public async Task Verbose_AddsTheStackTrace_AfterTheSameLine()
    {
        var url = $"http://127.0.0.1:{FreePort.Next()}";

        var result = await TunerCommand.RunAsync(Environment(), "status", "--server", url, "--verbose");

        Assert.Equal(ExitCodes.ServerUnreachable, result.ExitCode);
        Assert.StartsWith($"tuner: no Tuner server answers at {url}", result.StderrLines[0]);
        Assert.Contains("   at ", result.Stderr);
    }

    private string WriteDefinition()
    {
        var file = Path.Combine(home, "small.yaml");
        File.WriteAllText(file, SweepTexts.Small());
        return file;
    }

    public void Dispose() => Directory.Delete(home, recursive: true);
}

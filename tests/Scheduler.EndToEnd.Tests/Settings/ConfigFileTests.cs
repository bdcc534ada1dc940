using Tuner.Scheduler.Cli.Failures;
using Tuner.Scheduler.EndToEnd.Tests.Cli;
using Tuner.Scheduler.EndToEnd.Tests.Support;
using Tuner.TestSupport;

namespace Tuner.Scheduler.EndToEnd.Tests.Settings;

/// <summary>
/// The real `tuner` executable with settings in a JSON config file (--config or TUNER_CONFIG): keys are the variables
/// without TUNER_, a variable wins over the file, and a bad value or key names the file.
/// </summary>
public sealed class ConfigFileTests : IDisposable
{
    private readonly string home = Directory.CreateTempSubdirectory("tuner-config-").FullName;

    private Dictionary<string, string> Environment(params (string Name, string Value)[] more)
    {
        var environment = new Dictionary<string, string> { ["TUNER_HOME"] = home };
        foreach (var (name, value) in more) environment[name] = value;
        return environment;
    }

    private string ConfigFile(string json)
    {
        var file = Path.Combine(home, "tuner.json");
        File.WriteAllText(file, json);
        return file;
    }

    [Fact]
    public async Task ClientCommands_UseTheServerTheConfigFileNames()
    {
        var url = $"http://127.0.0.1:{FreePort.Next()}";
        var file = ConfigFile($$"""{ "SERVER": "{{url}}" }""");

        var result = await TunerCommand.RunAsync(Environment(("TUNER_CONFIG", file)), "status");

        FailsClearly.Assert(result, ExitCodes.ServerUnreachable, $"no Tuner server answers at {url} (from TUNER_SERVER)");
    }

    [Fact]
    public async Task AVariable_WinsOverTheConfigFile()
    {
        var url = $"http://127.0.0.1:{FreePort.Next()}";
        var file = ConfigFile("""{ "SERVER": "http://127.0.0.1:1" }""");

        var result = await TunerCommand.RunAsync(Environment(("TUNER_SERVER", url)), "status", "--config", file);

        FailsClearly.Assert(result, ExitCodes.ServerUnreachable, $"no Tuner server answers at {url} (from TUNER_SERVER)");
    }

    [Fact]
    public async Task Server_NamesTheFileAndKey_OfABadValue()
    {
        var file = ConfigFile("""{ "PG_PORT": "abc" }""");

        var result = await TunerCommand.RunAsync(Environment(), "server", "--config", file);

        FailsClearly.Assert(result, ExitCodes.BadInput, $"TUNER_PG_PORT must be a TCP port from 1 to 65535, but got 'abc' (set by PG_PORT in {file})");
    }

    [Fact]
    public async Task Server_NamesAKeyThatIsNoSetting()
    {
        var file = ConfigFile("""{ "LIMITS": { "MAX_TRAILS": 5 } }""");

        var result = await TunerCommand.RunAsync(Environment(), "server", "--config", file);

        FailsClearly.Assert(result, ExitCodes.BadInput, $"the config file {file} has the key LIMITS.MAX_TRAILS, which is not a setting");
    }

    [Fact]
    public async Task AMissingConfigFile_IsOneClearLine()
    {
        var missing = Path.Combine(home, "nothere.json");

        var result = await TunerCommand.RunAsync(Environment(("TUNER_CONFIG", missing)), "server");

        FailsClearly.Assert(result, ExitCodes.BadInput, $"TUNER_CONFIG names the config file '{missing}', which does not exist");
    }

    [Fact]
    public async Task AConfigFileThatIsNotJson_IsOneClearLine()
    {
        var file = ConfigFile("""{ "LEASE_SECONDS": """);

        var result = await TunerCommand.RunAsync(Environment(), "worker", "--config", file);

        FailsClearly.Assert(result, ExitCodes.BadInput, $"the config file {file} is not a JSON object of settings");
    }

    [Fact]
    public async Task Server_ListsEveryBadSetting_OneLineEach_FromBothSources()
    {
        var file = ConfigFile("""{ "LIMITS": { "MAX_TRIALS": 0 } }""");

        var result = await TunerCommand.RunAsync(
            Environment(("TUNER_LEASE_SECONDS", "abc"), ("TUNER_LOCAL_MAX_WORKERS", "-1"), ("TUNER_CONFIG", file)), "server");

        Assert.True(result.ExitCode == ExitCodes.BadInput, result.ToString());
        Assert.Equal(
            [
                "tuner: 3 settings cannot be used; fix them, or unset them to use their defaults:",
                "TUNER_LEASE_SECONDS must be a positive whole number, but got 'abc'",
                "TUNER_LOCAL_MAX_WORKERS must be a whole number from 0 to 256, but got '-1'",
                $"TUNER_LIMITS__MAX_TRIALS must be a whole number from 1 to 10000000 (set by LIMITS.MAX_TRIALS in {file})",
            ],
            result.StderrLines);
        Assert.DoesNotContain("   at ", result.Stderr);
    }

    public void Dispose() => Directory.Delete(home, recursive: true);
}

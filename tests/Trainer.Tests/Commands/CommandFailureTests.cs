using Tuner.Trainer.Commands;
using Tuner.Trainer.Tests.TestSupport;
using static Tuner.Trainer.Tests.Commands.TestProgram;

namespace Tuner.Trainer.Tests.Commands;

/// <summary>Trials that fail, and the message each leaves in the trial's record.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class CommandFailureTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task NonZeroExit_FailsWithTheCodeAndTheLastStderrLines()
    {
        var host = Host(_directory, "failing");

        var failure = await Assert.ThrowsAsync<TrialFailedException>(() => RunAsync(Command("--fail-at", "2", "--exit-code", "3"), host));

        var tail = string.Join('\n', Enumerable.Range(11, 20).Select(i => $"error line {i}"));
        Assert.Equal($"the program 'dotnet' exited with code 3; the last 20 lines of its stderr:\n{tail}", failure.Message);
        Assert.Equal([1], host.Reports.Select(r => r.Epoch));
    }

    [Fact]
    public async Task NonZeroExit_KeepsAsManyStderrLinesAsConfigured()
    {
        var command = Command("--fail-at", "1", "--exit-code", "1", "--stderr-lines", "3") with { StderrLinesKept = 2 };

        var failure = await Assert.ThrowsAsync<TrialFailedException>(() => RunAsync(command, Host(_directory, "short")));

        Assert.Equal("the program 'dotnet' exited with code 1; the last 2 lines of its stderr:\nerror line 2\nerror line 3", failure.Message);
    }

    [Fact]
    public async Task NoMetrics_FailsSayingWhatWasExpected()
    {
        var failure = await Assert.ThrowsAsync<TrialFailedException>(() => RunAsync(Command("--no-metrics"), Host(_directory, "silent")));

        Assert.Equal(
            "the program exited without reporting any metrics (expected JSON lines like {\"tuner\": {\"step\": 1, \"<metric>\": ...}} on stdout); it wrote nothing to stderr",
            failure.Message);
    }

    [Fact]
    public async Task MalformedLine_FailsNamingTheLine()
    {
        var host = Host(_directory, "malformed");

        var failure = await Assert.ThrowsAsync<TrialFailedException>(() => RunAsync(Command("--malformed-at", "2", "--sleep-ms", "50"), host, Spec(maxSteps: 50)));

        Assert.StartsWith("the program printed a malformed metrics line (it is not valid JSON: ", failure.Message);
        Assert.EndsWith("): {\"tuner\": {\"step\": 2, \"val_accuracy\": }}", failure.Message);
        Assert.Equal([1], host.Reports.Select(r => r.Epoch));
    }

    [Fact]
    public async Task ProgramNotFound_FailsNamingItAndThePathSearched()
    {
        var command = new CommandWorkload(["tuner-no-such-program-7f3a", "--help"]) { Environment = new Dictionary<string, string> { ["PATH"] = "/nowhere:/usr/bin" } };

        var failure = await Assert.ThrowsAsync<TrialFailedException>(() => RunAsync(command, Host(_directory, "missing")));

        Assert.Equal("the command's program 'tuner-no-such-program-7f3a' was not found on PATH (/nowhere:/usr/bin)", failure.Message);
    }

    [Fact]
    public async Task ProgramNotExecutable_FailsSayingSo()
    {
        File.WriteAllText(Path.Join(_directory.Path, "train.sh"), "#!/bin/sh\necho hi\n");
        File.SetUnixFileMode(Path.Join(_directory.Path, "train.sh"), UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var command = new CommandWorkload(["./train.sh"], WorkingDirectory: _directory.Path);

        var failure = await Assert.ThrowsAsync<TrialFailedException>(() => RunAsync(command, Host(_directory, "not-executable")));

        Assert.Equal(
            $"the command's program './train.sh' is not executable ({Path.Join(_directory.Path, "train.sh")} has mode 600; chmod +x it or name its interpreter first)",
            failure.Message);
    }

    [Fact]
    public async Task ProgramThatCannotStart_FailsWithTheSystemsReason()
    {
        File.WriteAllBytes(Path.Join(_directory.Path, "garbage"), [0x7f, 0x00, 0x01, 0x02]);
        File.SetUnixFileMode(Path.Join(_directory.Path, "garbage"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var command = new CommandWorkload(["./garbage"], WorkingDirectory: _directory.Path);

        var failure = await Assert.ThrowsAsync<TrialFailedException>(() => RunAsync(command, Host(_directory, "garbage")));

        Assert.StartsWith($"the command's program '{Path.Join(_directory.Path, "garbage")}' could not be started: ", failure.Message);
    }

    [Fact]
    public async Task UnknownPlaceholder_FailsBeforeAnythingStarts()
    {
        var failure = await Assert.ThrowsAsync<TrialFailedException>(() => RunAsync(Command("--arg", "{momentum}"), Host(_directory, "unknown")));

        Assert.Equal("argument 5 '{momentum}' of the command uses {momentum}, which is not a parameter of this trial (it has learning_rate)", failure.Message);
    }

    [Fact]
    public async Task StepGap_FailsWhenStepsMustBeConsecutive_AndIsFineOtherwise()
    {
        var script = new[] { "sh", "-c", "echo '{{\"tuner\": {{\"step\": 100, \"loss\": 1}}}}'; echo '{{\"tuner\": {{\"step\": 300, \"loss\": 0.5}}}}'" };
        var increasingHost = Host(_directory, "increasing");

        var increasing = await RunAsync(new CommandWorkload(script), increasingHost, Spec(maxSteps: 1000));
        var failure = await Assert.ThrowsAsync<TrialFailedException>(() =>
            RunAsync(new CommandWorkload(script) { Steps = CommandStepRule.Consecutive }, Host(_directory, "consecutive"), Spec(maxSteps: 1000)));

        Assert.Equal(TrialOutcomeKind.Completed, increasing.Kind);
        Assert.Equal([100, 300], increasingHost.Reports.Select(r => r.Epoch));
        Assert.Equal("the program printed a malformed metrics line (step 100 follows step 0, but steps must be consecutive): {\"tuner\": {\"step\": 100, \"loss\": 1}}", failure.Message);
    }
}

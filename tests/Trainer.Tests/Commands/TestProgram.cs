using System.Globalization;
using Tuner.TestSupport;
using Tuner.Trainer.Checkpoints;
using Tuner.Trainer.Commands;
using Tuner.Trainer.Tests.TestSupport;
using Tuner.Workloads;

namespace Tuner.Trainer.Tests.Commands;

/// <summary>The real program the command tests start (tests/Trainer.Tests.CommandProgram, built before these tests)
/// through <c>dotnet</c>, and the trials they give it.</summary>
public static class TestProgram
{
    /// <summary>Short, so a test of a program that ignores SIGTERM waits one second.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(1);

    public static string Dll { get; } = Path.Combine(
        RepositoryPaths.Root, "tests", "Trainer.Tests.CommandProgram", "bin",
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug",
        "net10.0", "Tuner.Trainer.Tests.CommandProgram.dll");

    /// <summary>The program with the learning rate as a placeholder, then <paramref name="switches"/>.</summary>
    public static CommandWorkload Command(params string[] switches) =>
        new(["dotnet", Dll, "--lr", "{learning_rate}", .. switches]) { StopGrace = Grace };

    public static TrialSpec Spec(int maxSteps = 4, int seed = 7, double learningRate = 0.1) =>
        new(CommandWorkload.Kind, new Dictionary<string, object> { ["learning_rate"] = learningRate }, new Dictionary<string, object>(), maxSteps, seed);

    public static async Task<TrialOutcome> RunAsync(
        CommandWorkload command, ITrialHost host, TrialSpec? spec = null, CancellationToken preemption = default,
        CancellationToken abort = default, TextWriter? log = null) =>
        await CommandTrialRunner.RunAsync(
            command, spec ?? Spec(), new TrainingEnvironment(Path.GetTempPath()), host, preemption, abort, trialId: "trial-42", log: log);

    public static ScriptedTrialHost Host(TemporaryDirectory directory, string name) => new(Store(directory, name));

    public static FileSystemCheckpointStore Store(TemporaryDirectory directory, string name) => new(Path.Join(directory.Path, name));

    public static List<(int, string, double)> MetricsOf(IEnumerable<EpochReport> reports) =>
        reports.SelectMany(r => r.Metrics.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => (r.Epoch, m.Key, m.Value))).ToList();

    /// <summary>The trial's latest checkpoint in <paramref name="host"/>'s store.</summary>
    public static async Task<TrialCheckpoint> LatestCheckpointAsync(ITrialHost host)
    {
        await using var stream = await host.OpenLatestCheckpointAsync(CancellationToken.None)
            ?? throw new InvalidOperationException("no checkpoint was saved");
        return await TrialCheckpoint.ReadAsync(stream, CancellationToken.None);
    }

    public static int ReadPid(string file) => int.Parse(File.ReadAllText(file), CultureInfo.InvariantCulture);

    public static string[] Lines(string file) => File.Exists(file) ? File.ReadAllLines(file) : [];
}

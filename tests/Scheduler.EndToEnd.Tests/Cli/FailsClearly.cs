using Tuner.Scheduler.EndToEnd.Tests.Support;

namespace Tuner.Scheduler.EndToEnd.Tests.Cli;

/// <summary>What every expected failure of `tuner` looks like: its exit code, and one line on stderr that says what is wrong, without a stack trace.</summary>
internal static class FailsClearly
{
    public static string Assert(TunerCommand.Result result, int exitCode, string says)
    {
        Xunit.Assert.True(result.ExitCode == exitCode, $"expected exit {exitCode}\n{result}");
        Xunit.Assert.True(result.StderrLines.Count == 1, $"expected one line on stderr\n{result}");
        var line = result.StderrLines[0];
        Xunit.Assert.DoesNotContain("   at ", result.Stderr);
        Xunit.Assert.DoesNotContain("Exception", result.Stderr);
        Xunit.Assert.DoesNotContain("   at ", result.Stdout);
        Xunit.Assert.Contains(says, line);
        return line;
    }
}

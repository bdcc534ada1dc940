using System.Diagnostics;

namespace Tuner.Scheduler.Tests.Capacity.Registry;

/// <summary>Runs a script with the real bash, from a temporary file.</summary>
internal static class Bash
{
    public sealed record Result(int ExitCode, string Output, string Error);

    /// <param name="checkOnly">`bash -n`: read the script for syntax errors without running it.</param>
    public static async Task<Result> RunAsync(string script, bool checkOnly = false, IReadOnlyDictionary<string, string>? environment = null)
    {
        var directory = Directory.CreateTempSubdirectory("tuner-bash-");
        try
        {
            var path = Path.Combine(directory.FullName, "script.sh");
            await File.WriteAllTextAsync(path, script);
            var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            if (checkOnly) info.ArgumentList.Add("-n");
            info.ArgumentList.Add(path);
            foreach (var (name, value) in environment ?? new Dictionary<string, string>()) info.Environment[name] = value;
            using var process = Process.Start(info) ?? throw new InvalidOperationException("bash did not start");
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            return new Result(process.ExitCode, await output, await error);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}

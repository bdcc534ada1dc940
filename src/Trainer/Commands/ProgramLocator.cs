namespace Tuner.Trainer.Commands;

/// <summary>Finds the file a command's first argument names, as execvp would but before starting anything, so a
/// missing program is a clear failure: a name with a '/' is a path (relative to the working directory), any other name
/// is looked up in the program's PATH.</summary>
internal static class ProgramLocator
{
    /// <summary>The program's full path; throws <see cref="TrialFailedException"/> naming the program and where it
    /// was looked for. On Windows the name is returned as it is and <see cref="System.Diagnostics.Process"/> finds it.</summary>
    public static string Locate(string program, string workingDirectory, string? path)
    {
        if (OperatingSystem.IsWindows()) return program;
        if (program.Contains('/'))
        {
            var full = Path.GetFullPath(program, workingDirectory);
            if (Directory.Exists(full)) throw new TrialFailedException($"the command's program '{program}' is a directory ({full})");
            if (!File.Exists(full)) throw new TrialFailedException($"the command's program '{program}' does not exist (looked for {full})");
            if (!IsExecutable(full))
            {
                throw new TrialFailedException(
                    $"the command's program '{program}' is not executable ({full} has mode {Convert.ToString((int)File.GetUnixFileMode(full), 8)}; chmod +x it or name its interpreter first)");
            }
            return full;
        }

        foreach (var directory in (path ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.GetFullPath(Path.Combine(directory, program), workingDirectory);
            if (File.Exists(candidate) && IsExecutable(candidate)) return candidate;
        }
        throw new TrialFailedException(
            $"the command's program '{program}' was not found on PATH ({(string.IsNullOrEmpty(path) ? "PATH is empty" : path)})");
    }

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static bool IsExecutable(string file) =>
        (File.GetUnixFileMode(file) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;
}

namespace Tuner.Scheduling.Workers;

/// <summary>Starts another `tuner` process from the same build, whether this one runs as an apphost or under `dotnet tuner.dll`.</summary>
public static class SelfProcess
{
    /// <summary>The command line that starts this build of `tuner`: the apphost, or `dotnet tuner.dll`.</summary>
    public static IReadOnlyList<string> Command()
    {
        var processPath = Environment.ProcessPath ?? throw new InvalidOperationException("cannot tell this process's executable");
        return Path.GetFileNameWithoutExtension(processPath) == "dotnet"
            ? [processPath, typeof(SelfProcess).Assembly.Location]
            : [processPath];
    }
}

using System.Diagnostics;

namespace Tuner.Scheduler.Workers;

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

    public static ProcessStartInfo StartInfo(IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        var processPath = Environment.ProcessPath ?? throw new InvalidOperationException("cannot tell this process's executable");
        var info = new ProcessStartInfo { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        if (Path.GetFileNameWithoutExtension(processPath) == "dotnet")
        {
            info.FileName = processPath;
            info.ArgumentList.Add(typeof(SelfProcess).Assembly.Location);
        }
        else
        {
            info.FileName = processPath;
        }

        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        return info;
    }
}

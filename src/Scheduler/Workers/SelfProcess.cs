using System.Diagnostics;

namespace Tuner.Scheduler.Workers;

/// <summary>Starts another `tuner` process from the same build, whether this one runs as an apphost or under `dotnet tuner.dll`.</summary>
public static class SelfProcess
{
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

namespace Tuner.TestSupport;

/// <summary>Paths inside the repository the tests run from.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>Test tools that scripts/setup and scripts/test install from npm (the fauxqs and s3rver S3 servers, the OpenAPI client tools).</summary>
    public static string ToolsDirectory => Path.Combine(Root, ".tuner", "tools");

    /// <summary>MNIST files shared by every test run (downloaded once; never committed).</summary>
    public static string MnistDirectory => Path.Combine(Root, ".tuner", "data", "mnist");

    /// <summary>The `tuner` executable built with the same configuration as these tests.</summary>
    public static string TunerExecutable
    {
        get
        {
            var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}")
                ? "Release"
                : "Debug";
            return Path.Combine(Root, "src", "Scheduler", "Host", "bin", configuration, "net10.0", "tuner");
        }
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Tuner.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("tests must run inside the Tuner repository");
    }
}

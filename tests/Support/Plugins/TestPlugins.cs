namespace Tuner.TestSupport.Plugins;

/// <summary>The build output folders of the plugins in tests/Plugins, built in the same configuration as the running
/// tests (a test project builds them first by referencing them without their assemblies).</summary>
public static class TestPlugins
{
    /// <summary>LinearWorkload (trains; fails on request) and BrokenConstructorWorkload, with SampleDependency.dll.</summary>
    public static string SamplePlugins => Folder("SamplePlugins");

    /// <summary>FutureWorkload, built against workload contract 2.0.</summary>
    public static string FutureContractPlugin => Folder("FutureContractPlugin");

    public const string Linear = "SamplePlugins.LinearWorkload";

    public const string BrokenConstructor = "SamplePlugins.BrokenConstructorWorkload";

    /// <summary>A copy of <paramref name="folder"/> in <paramref name="scratch"/> without the files named.</summary>
    public static string CopyWithout(string folder, string scratch, params string[] leaveOut)
    {
        Directory.CreateDirectory(scratch);
        foreach (var file in Directory.GetFiles(folder))
        {
            if (!leaveOut.Contains(Path.GetFileName(file))) File.Copy(file, Path.Combine(scratch, Path.GetFileName(file)));
        }

        return scratch;
    }

    private static string Folder(string project)
    {
        // The running tests' own output folder is .../bin/<configuration>/net10.0/.
        var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = framework.Parent!.Name;
        var folder = Path.Combine(RepositoryPaths.Root, "tests", "Plugins", project, "bin", configuration, framework.Name);
        return File.Exists(Path.Combine(folder, project + ".dll"))
            ? folder
            : throw new InvalidOperationException($"{project} is not built in {folder}; build the test project, which builds it first");
    }
}

using System.Runtime.Loader;
using Tuner.TestSupport.Plugins;
using Tuner.Trainer.Plugins;
using Tuner.Trainer.Tests.TestSupport;
using Tuner.Workloads;

namespace Tuner.Trainer.Tests.Plugins;

/// <summary>Real plugins (tests/Plugins, built beside these tests) loaded the way a worker loads a bundle.</summary>
public sealed class PluginLoaderTests
{
    private readonly PluginLoader _loader = new();

    [Fact]
    public void Load_BuildsTheNamedWorkload_InItsOwnLoadContext_SharingTheContract()
    {
        var workload = _loader.Load(TestPlugins.SamplePlugins, TestPlugins.Linear, "sha256:sample");

        Assert.Equal("linear", workload.Kind);
        Assert.Equal(["learning_rate", "batch_size"], workload.Parameters.Select(p => p.Name));
        var context = AssemblyLoadContext.GetLoadContext(workload.GetType().Assembly);
        Assert.NotSame(AssemblyLoadContext.Default, context);
        Assert.Equal("plugin sha256:sample", context!.Name);
        Assert.Same(typeof(IWorkload).Assembly, workload.GetType().GetInterface(nameof(IWorkload))!.Assembly);
        Assert.Same(workload, _loader.Load(TestPlugins.SamplePlugins, TestPlugins.Linear, "sha256:sample"));
    }

    [Fact]
    public void Load_AsksForATypeName_WhenTheBundleHasSeveralWorkloads()
    {
        var error = Assert.Throws<PluginException>(() => _loader.Load(TestPlugins.SamplePlugins, type: null, "sha256:sample"));

        Assert.Equal(
            "bundle sha256:sample has several workloads (SamplePlugins.BrokenConstructorWorkload, SamplePlugins.LinearWorkload); name one with workload.type",
            error.Message);
    }

    [Fact]
    public void Load_ListsTheWorkloads_WhenTheNamedClassIsNotThere()
    {
        var error = Assert.Throws<PluginException>(() => _loader.Load(TestPlugins.SamplePlugins, "SamplePlugins.Missing", "sha256:sample"));

        Assert.True(error.ConcernsType);
        Assert.Equal(
            "bundle sha256:sample has no workload class 'SamplePlugins.Missing'; its workloads: SamplePlugins.BrokenConstructorWorkload, SamplePlugins.LinearWorkload",
            error.Message);
    }

    [Fact]
    public void Load_SaysWhatTheConstructorThrew()
    {
        var error = Assert.Throws<PluginException>(() => _loader.Load(TestPlugins.SamplePlugins, TestPlugins.BrokenConstructor, "sha256:sample"));

        Assert.Equal(
            "the constructor of workload class 'SamplePlugins.BrokenConstructorWorkload' threw InvalidOperationException: the sample plugin refuses to be built",
            error.Message);
    }

    [Fact]
    public void Load_RefusesAPluginBuiltAgainstAnotherMajorContractVersion_BeforeRunningIt()
    {
        var error = Assert.Throws<PluginException>(() => _loader.Load(TestPlugins.FutureContractPlugin, type: null, "sha256:future"));

        Assert.Equal(
            $"FutureContractPlugin.dll in bundle sha256:future was built against workload contract 2.0, but this worker speaks 1.1 " +
            "(src/Trainer/Contract/CHANGELOG.md): rebuild it against Tuner.Workloads 1.1",
            error.Message);
    }

    [Fact]
    public void Load_SaysSo_WhenNoAssemblyImplementsTheContract()
    {
        using var scratch = new TemporaryDirectory();
        var folder = TestPlugins.CopyWithout(TestPlugins.SamplePlugins, scratch.Path, "SamplePlugins.dll", "SamplePlugins.deps.json");

        var error = Assert.Throws<PluginException>(() => _loader.Load(folder, type: null, "sha256:empty"));

        Assert.Equal(
            "bundle sha256:empty has no assembly that references Tuner.Workloads (its assemblies: SampleDependency.dll); " +
            "a plugin implements Tuner.Workloads.IWorkload (see src/Trainer/Contract)",
            error.Message);
    }
}

using System.Text.RegularExpressions;
using Tuner.Core.Settings;
using Tuner.Scheduler.Hosting.Settings;
using Tuner.TestSupport;

namespace Tuner.Scheduler.Tests.Settings;

/// <summary>
/// The configuration tables in README.md and docs/cloud-capacity.md are the options classes' own: every setting, its
/// variable, its default and its meaning, in order. A failure prints the table to paste between the markers.
/// </summary>
public sealed partial class SettingsDocumentationTests
{
    /// <summary>TUNER_ names that are not settings: the config file's own variable, and what the local provider hands its worker's shell.</summary>
    /// <summary>Variables that are not settings: the config file's, the local provider's, and the command contract's
    /// (what a command's program is given, <see cref="Tuner.Workloads.CommandVariables"/>).</summary>
    private static readonly string[] NotSettings =
        [TunerConfiguration.FileVariable, "TUNER_WORKER_SCRIPT", "TUNER_WORKER_LOG", .. Tuner.Workloads.CommandVariables.All];

    [Theory]
    [InlineData("README.md", "settings-table", false)]
    [InlineData("docs/cloud-capacity.md", "cloud-settings-table", true)]
    public void Table_ListsEverySettingWithItsDefault(string document, string marker, bool cloud)
    {
        var expected = SettingsTable.Render((cloud ? SettingTypes.Cloud : SettingTypes.General).SelectMany(SettingCatalog.Of));
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.Root, document)).ReplaceLineEndings("\n");

        var actual = SettingsTable.Between(text, marker);

        Assert.True(expected == actual, $"{document}'s table between <!-- {marker} --> markers must be:\n{expected}");
    }

    [Fact]
    public void EverySetting_HasItsOwnVariable()
    {
        var variables = SettingTypes.All.Select(s => s.Variable).ToList();

        Assert.All(variables, v => Assert.Matches("^TUNER_[A-Z0-9]+(_{1,2}[A-Z0-9]+)*$", v));
        Assert.Equal(variables.Count, variables.Distinct().Count());
    }

    [Fact]
    public void EveryTunerVariableTheSourceNames_IsASetting()
    {
        var known = SettingTypes.All.Select(s => s.Variable).Concat(NotSettings).ToHashSet();
        var named = Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => VariableName().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Name: m.Value)))
            .Where(n => !n.Name.EndsWith('_'))
            .ToList();

        Assert.Empty(named.Where(n => !known.Contains(n.Name)).Select(n => $"{n.File}: {n.Name}").Distinct());
    }

    [GeneratedRegex("TUNER_[A-Z0-9_]+")]
    private static partial Regex VariableName();
}

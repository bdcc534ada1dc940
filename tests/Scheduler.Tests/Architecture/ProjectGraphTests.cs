using System.Text.RegularExpressions;
using System.Xml.Linq;
using Tuner.TestSupport;

namespace Tuner.Scheduler.Tests.Architecture;

/// <summary>The projects under src/ and their references must be exactly the graph docs/architecture.md draws, and
/// every reference must point to a lower layer, so an arrow that runs back up (or a project the page does not know)
/// fails here. Tuner.Core must stay free of persistence, queue, cloud SDK and metrics packages.</summary>
public sealed partial class ProjectGraphTests
{
    private static readonly string[] CoreMustNotUse = ["Microsoft.EntityFrameworkCore", "Npgsql", "Hangfire", "AWSSDK", "Google.", "prometheus-net", "OpenTelemetry"];

    [Fact]
    public void EveryProjectUnderSrc_IsOnTheArchitecturePage()
    {
        Assert.Equal(Documented().Keys.Order(), Projects().Keys.Order());
    }

    [Fact]
    public void EachProjectReferencesExactlyWhatTheArchitecturePageSays()
    {
        var documented = Documented();
        Assert.All(Projects(), project => Assert.Equal(
            documented[project.Key].References.Order(), References(project.Value).Order()));
    }

    [Fact]
    public void EveryReferencePointsToALowerLayer()
    {
        var documented = Documented();
        var upward = from project in documented
                     from reference in project.Value.References
                     where documented[reference].Layer >= project.Value.Layer
                     select $"{project.Key} (layer {project.Value.Layer}) -> {reference} (layer {documented[reference].Layer})";
        Assert.Empty(upward);
    }

    [Fact]
    public void TunerCore_UsesNoPersistenceQueueCloudOrMetricsPackage()
    {
        var packages = Packages(Projects()["Tuner.Core"]);
        Assert.DoesNotContain(packages, p => CoreMustNotUse.Any(prefix => p.StartsWith(prefix, StringComparison.Ordinal)));
    }

    private static Dictionary<string, string> Projects() =>
        Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "src"), "*.csproj", SearchOption.AllDirectories)
            .ToDictionary(path => Path.GetFileNameWithoutExtension(path), path => path);

    private static IEnumerable<string> References(string projectFile) =>
        XDocument.Load(projectFile).Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value.Replace('\\', '/')));

    private static IEnumerable<string> Packages(string projectFile) =>
        XDocument.Load(projectFile).Descendants("PackageReference").Select(r => r.Attribute("Include")!.Value);

    /// <summary>The table between the project-graph markers: | `Project` | `folder` | layer | `Ref`, `Ref` or — |.</summary>
    private static Dictionary<string, (int Layer, string[] References)> Documented()
    {
        var page = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "architecture.md"));
        var start = page.IndexOf("<!-- project-graph -->", StringComparison.Ordinal);
        var end = page.IndexOf("<!-- /project-graph -->", StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "docs/architecture.md must hold its project table between <!-- project-graph --> markers");
        var rows = page[start..end].Split('\n').Select(line => Row().Match(line)).Where(m => m.Success).ToList();
        Assert.NotEmpty(rows);
        return rows.ToDictionary(
            m => m.Groups["project"].Value,
            m => (int.Parse(m.Groups["layer"].Value, System.Globalization.CultureInfo.InvariantCulture),
                  Name().Matches(m.Groups["references"].Value).Select(n => n.Groups[1].Value).ToArray()));
    }

    [GeneratedRegex(@"^\|\s*`(?<project>[\w.]+)`\s*\|[^|]*\|\s*(?<layer>\d+)\s*\|(?<references>[^|]*)\|")]
    private static partial Regex Row();

    [GeneratedRegex(@"`([\w.]+)`")]
    private static partial Regex Name();
}

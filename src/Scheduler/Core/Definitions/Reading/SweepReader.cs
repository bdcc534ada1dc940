using Tuner.Core.Workloads;
using YamlDotNet.RepresentationModel;

namespace Tuner.Core.Definitions.Reading;

/// <summary>Reads the top-level mapping: every section is read (so every problem is found) before anything is built.</summary>
internal static class SweepReader
{
    private static readonly string[] TopLevelKeys =
        ["name", "workload", "objective", "space", "sampler", "pruner", "budget", "capacity", "checkpoints", "labels", "warm_start"];

    /// <param name="kinds">The workload kinds the catalog knows.</param>
    /// <param name="workload">What the catalog made of the document's workload reference (null: it has none).</param>
    public static SweepDefinition? Read(
        YamlNode root, ProblemCollector problems, DefinitionLimits limits, IReadOnlyList<string> kinds, WorkloadResolution? workload)
    {
        var document = MappingReader.Open(root, "", problems, TopLevelKeys);
        if (document is null) return null;

        var name = ReadName(document);
        var fields = WorkloadReader.Read(document, kinds, workload);
        var objective = ObjectiveReader.Read(document, fields.Workload, fields.IsCommand);
        var space = SpaceReader.Read(document, fields.Workload, limits);
        if (fields.Section?.Command is { } command && space is not null)
        {
            CommandReader.CheckPlaceholders(document, command, space.Select(p => p.Name).ToList());
        }
        var sampler = SamplerReader.Read(document);
        var pruner = PrunerReader.Read(document, fields.MaxEpochs);
        var budget = BudgetReader.Read(document, limits);
        var checkpoints = CheckpointReader.Read(document);
        var capacity = CapacityReader.Read(document, budget?.Parallelism ?? 1);
        var labels = LabelsReader.Read(document);
        var warmStart = WarmStartReader.Read(document);

        SamplerReader.CheckAgainstSpace(document, sampler, space);
        WarmStartReader.CheckAgainstSampler(document, warmStart, sampler);
        if (problems.Count > 0 || name is null || fields.Section is null
            || objective is null || space is null || sampler is null || pruner is null || budget is null)
        {
            return null;
        }

        return new SweepDefinition(name, fields.Section, objective, space, sampler, pruner, budget, checkpoints, capacity, labels, warmStart);
    }

    private static string? ReadName(MappingReader document)
    {
        var name = document.String("name", required: true);
        if (name is null || ResourceName.IsValid(name)) return name;
        document.Problems.Add(
            "name",
            $"name must be {ResourceName.Rule}, but got '{name}'",
            document.Find("name"));
        return null;
    }
}

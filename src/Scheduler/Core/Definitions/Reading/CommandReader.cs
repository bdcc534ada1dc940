using Tuner.Workloads;

namespace Tuner.Core.Definitions.Reading;

/// <summary>Reads a command workload's keys: <c>command</c> (a list of text, the program first), <c>evaluate</c> (optional,
/// the same rules), <c>working_directory</c>, <c>env</c>, <c>metrics</c>, <c>stderr_lines</c>, <c>stop_grace</c>,
/// <c>steps</c>. Placeholders are checked against the space once it is read (<see cref="CheckPlaceholders"/>).</summary>
internal static class CommandReader
{
    public static readonly string[] Keys = ["command", "evaluate", "working_directory", "env", "metrics", "stderr_lines", "stop_grace", "steps"];
    private static readonly string[] StepRules = ["increasing", "consecutive"];

    public static CommandSection? Read(MappingReader section)
    {
        var before = section.Problems.Count;
        var command = ReadArgv(section, "command", required: true);
        var evaluate = ReadArgv(section, "evaluate", required: false);
        var directory = section.String("working_directory", required: false);
        var environment = ReadEnvironment(section);
        var metrics = section.String("metrics", required: false) ?? "json";
        if (metrics.Trim().Length == 0) section.Problems.Add(section.PathOf("metrics"), "metrics must be json, key-value or a file's path", section.Find("metrics"));
        var stderrLines = section.Int("stderr_lines", required: false, min: 0) ?? 20;
        var grace = section.Duration("stop_grace", TimeSpan.FromHours(1)) ?? TimeSpan.FromSeconds(10);
        var steps = section.OneOf("steps", StepRules, "step rule", required: false) ?? "increasing";
        return section.Problems.Count == before && command is not null
            ? new CommandSection(command, directory, environment, metrics, stderrLines, grace, steps == "consecutive", evaluate)
            : null;
    }

    /// <summary>Every placeholder of <c>command</c> and <c>evaluate</c> names a parameter of the space, and no brace is
    /// left open.</summary>
    public static void CheckPlaceholders(MappingReader document, CommandSection command, IReadOnlyCollection<string> parameters)
    {
        CheckArgv(document, "command", command.Command, parameters);
        if (command.Evaluate is { } evaluate) CheckArgv(document, "evaluate", evaluate, parameters);
    }

    private static void CheckArgv(MappingReader document, string key, IReadOnlyList<string> argv, IReadOnlyCollection<string> parameters)
    {
        var path = $"workload.{key}";
        var node = document.Find("workload") is { } workload ? workload : document.Node;
        IReadOnlyList<string> used;
        try
        {
            used = CommandPlaceholders.Find(argv);
        }
        catch (FormatException e)
        {
            document.Problems.Add(path, e.Message, node);
            return;
        }

        foreach (var name in used.Where(n => !parameters.Contains(n)))
        {
            document.Problems.Add(path, $"{{{name}}} is not a parameter of the space{KeySuggestions.DidYouMean(name, parameters)}; " +
                $"placeholders may name: {(parameters.Count == 0 ? "nothing (the space is empty)" : KeySuggestions.List(parameters))}", node);
        }
    }

    /// <summary>The argument vector under <paramref name="key"/> (<c>command</c> or <c>evaluate</c>); null when it is
    /// absent (a problem when <paramref name="required"/>) or not a list of text naming a program.</summary>
    private static IReadOnlyList<string>? ReadArgv(MappingReader section, string key, bool required)
    {
        var node = required ? section.Require(key) : section.Find(key);
        if (node is null) return null;
        if (node is YamlDotNet.RepresentationModel.YamlSequenceNode { Children.Count: 0 })
        {
            section.Problems.Add(section.PathOf(key), $"{key} must name a program, but it is an empty list", node);
            return null;
        }

        if (node is not YamlDotNet.RepresentationModel.YamlSequenceNode sequence
            || sequence.Children.Any(c => c is not YamlDotNet.RepresentationModel.YamlScalarNode))
        {
            section.Problems.Add(section.PathOf(key),
                $"{key} must be a list of text values, the program first (no shell runs it), got {ScalarValues.Describe(node)}", node);
            return null;
        }

        var argv = sequence.Children.Select(ScalarValues.Text).ToList();
        if (argv[0].Trim().Length == 0) section.Problems.Add(section.PathOf(key), $"{key}'s first value must name the program", node);
        return argv;
    }

    private static IReadOnlyDictionary<string, string> ReadEnvironment(MappingReader section)
    {
        var env = section.Section("env", knownKeys: null, required: false);
        if (env is null) return new Dictionary<string, string>();
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in env.Node.Children)
        {
            var name = MappingReader.KeyText(key);
            if (name.StartsWith("TUNER_", StringComparison.Ordinal))
            {
                env.Problems.Add(env.PathOf(name), $"{name} is set by Tuner itself (docs/command-workload.md); choose another name", key);
                continue;
            }

            if (value is YamlDotNet.RepresentationModel.YamlScalarNode) values[name] = ScalarValues.Text(value);
            else env.Problems.Add(env.PathOf(name), $"expected a text value, got {ScalarValues.Describe(value)}", value);
        }

        return values;
    }
}

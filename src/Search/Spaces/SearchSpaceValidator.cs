namespace Tuner.Search.Spaces;

/// <summary>Finds every problem of a list of parameter specs. Parents may be declared after their children; cycles are rejected.</summary>
internal static class SearchSpaceValidator
{
    public static IReadOnlyList<SearchSpaceProblem> Validate(IReadOnlyList<ParameterSpec> specs)
    {
        ArgumentNullException.ThrowIfNull(specs);
        var problems = new List<SearchSpaceProblem>();
        var byName = new Dictionary<string, ParameterSpec>(StringComparer.Ordinal);
        for (var i = 0; i < specs.Count; i++)
        {
            var spec = specs[i];
            var label = string.IsNullOrWhiteSpace(spec?.Name) ? $"#{i}" : spec.Name;
            if (spec is null)
            {
                problems.Add(new(label, "parameter spec must not be null"));
                continue;
            }

            if (string.IsNullOrWhiteSpace(spec.Name))
            {
                problems.Add(new(label, $"name must not be empty, but got {ParameterValues.Describe(spec.Name)}"));
            }

            if (spec.Distribution is null)
            {
                problems.Add(new(label, "distribution must not be null"));
            }
            else
            {
                problems.AddRange(spec.Distribution.Validate().Select(message => new SearchSpaceProblem(label, message)));
            }

            if (!string.IsNullOrWhiteSpace(spec.Name))
            {
                byName.TryAdd(spec.Name, spec);
            }
        }

        var named = specs.Where(s => !string.IsNullOrWhiteSpace(s?.Name));
        foreach (var group in named.GroupBy(s => s.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add(new(group.Key, $"names must be unique, but '{group.Key}' is declared {group.Count()} times"));
        }

        foreach (var spec in specs.Where(s => s?.When is not null && !string.IsNullOrWhiteSpace(s.Name)))
        {
            problems.AddRange(ConditionProblems(spec, byName).Select(message => new SearchSpaceProblem(spec.Name, message)));
        }

        return problems;
    }

    private static IEnumerable<string> ConditionProblems(ParameterSpec spec, Dictionary<string, ParameterSpec> byName)
    {
        var when = spec.When!;
        if (when.Values.Count == 0)
        {
            yield return $"condition values must not be empty (condition on '{when.Parent}')";
        }

        if (string.Equals(when.Parent, spec.Name, StringComparison.Ordinal))
        {
            yield return $"condition parent must be another parameter, but '{spec.Name}' refers to itself";
            yield break;
        }

        if (when.Parent is null || !byName.TryGetValue(when.Parent, out var parent))
        {
            yield return $"condition refers to unknown parent {ParameterValues.Describe(when.Parent)}; known parameters: {string.Join(", ", byName.Keys)}";
            yield break;
        }

        if (parent.Distribution is not null && parent.Distribution.Validate().Count == 0)
        {
            foreach (var value in when.Values.Where(v => !parent.Distribution.Contains(v)))
            {
                yield return $"condition value {ParameterValues.Describe(value)} is not a possible value of parent '{parent.Name}' ({parent.Distribution})";
            }
        }

        if (FindCycle(spec, byName) is { } cycle)
        {
            yield return $"conditions must not form a cycle, but got {string.Join(" -> ", cycle)}";
        }
    }

    private static IReadOnlyList<string>? FindCycle(ParameterSpec start, Dictionary<string, ParameterSpec> byName)
    {
        var path = new List<string> { start.Name };
        var current = start;
        while (current.When?.Parent is { } parentName && byName.TryGetValue(parentName, out var parent) && path.Count <= byName.Count)
        {
            path.Add(parentName);
            if (ReferenceEquals(parent, start))
            {
                return path;
            }

            current = parent;
        }

        return null;
    }
}

namespace Tuner.Search.Spaces;

/// <summary>
/// A validated set of parameters. <see cref="Parameters"/> lists parents before their children (otherwise in
/// declaration order); a parent may be declared after its child in the specs, but cycles are rejected.
/// </summary>
public sealed class SearchSpace
{
    private readonly Dictionary<string, ParameterSpec> byName;

    private SearchSpace(IReadOnlyList<ParameterSpec> ordered)
    {
        Parameters = ordered;
        byName = ordered.ToDictionary(p => p.Name, StringComparer.Ordinal);
    }

    /// <summary>The parameters in dependency order: every parent comes before its children.</summary>
    public IReadOnlyList<ParameterSpec> Parameters { get; }

    /// <summary>Every problem of the specs at once; empty when they form a valid search space.</summary>
    public static IReadOnlyList<SearchSpaceProblem> Validate(IReadOnlyList<ParameterSpec> specs) => SearchSpaceValidator.Validate(specs);

    /// <exception cref="SearchSpaceException">The specs have problems; the exception lists all of them.</exception>
    public static SearchSpace Create(IReadOnlyList<ParameterSpec> specs)
    {
        var problems = Validate(specs);
        if (problems.Count > 0)
        {
            throw new SearchSpaceException(problems);
        }

        return new SearchSpace(DependencyOrder(specs));
    }

    /// <summary>The parameter with this name, or null.</summary>
    public ParameterSpec? Find(string name) => byName.GetValueOrDefault(name);

    /// <summary>
    /// Whether the parameter is active given the values assigned so far: it has no condition, or its parent is
    /// active, has a value, and that value is one of the condition's values.
    /// </summary>
    public bool IsActive(ParameterSpec spec, IReadOnlyDictionary<string, object> assigned)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(assigned);
        if (spec.When is not { } when)
        {
            return true;
        }

        return byName.TryGetValue(when.Parent, out var parent)
            && IsActive(parent, assigned)
            && assigned.TryGetValue(when.Parent, out var parentValue)
            && when.Matches(parentValue);
    }

    /// <summary>
    /// The problems of a full assignment (for example a sampler's suggestion): active parameters without a value,
    /// inactive or unknown parameters with one, and values the distribution cannot produce. Empty when it fits.
    /// </summary>
    public IReadOnlyList<SearchSpaceProblem> CheckAssignment(IReadOnlyDictionary<string, object> assignment)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        var problems = new List<SearchSpaceProblem>();
        foreach (var spec in Parameters)
        {
            var active = IsActive(spec, assignment);
            var has = assignment.TryGetValue(spec.Name, out var value);
            if (active && !has)
            {
                problems.Add(new(spec.Name, "parameter is active but has no value"));
            }
            else if (!active && has)
            {
                problems.Add(new(spec.Name, $"parameter is inactive ({spec.When}) but has value {ParameterValues.Describe(value)}"));
            }
            else if (has && !spec.Distribution.Contains(value!))
            {
                problems.Add(new(spec.Name, $"value {ParameterValues.Describe(value)} is not inside {spec.Distribution}"));
            }
        }

        foreach (var name in assignment.Keys.Where(k => !byName.ContainsKey(k)))
        {
            problems.Add(new(name, $"not a parameter of this search space; known parameters: {string.Join(", ", byName.Keys)}"));
        }

        return problems;
    }

    private static List<ParameterSpec> DependencyOrder(IReadOnlyList<ParameterSpec> specs)
    {
        var byName = specs.ToDictionary(s => s.Name, StringComparer.Ordinal);
        var ordered = new List<ParameterSpec>(specs.Count);
        var placed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var spec in specs)
        {
            Place(spec);
        }

        return ordered;

        void Place(ParameterSpec spec)
        {
            if (placed.Contains(spec.Name))
            {
                return;
            }

            if (spec.When is { } when)
            {
                Place(byName[when.Parent]);
            }

            placed.Add(spec.Name);
            ordered.Add(spec);
        }
    }
}

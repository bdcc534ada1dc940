
namespace Tuner.Search.Spaces;

/// <summary>A configuration carried into a search space: its values there, or why it cannot be, and what changed.</summary>
/// <param name="Values">The projected values; null when the configuration is dropped.</param>
/// <param name="Dropped">Why it cannot be carried over (a choice the space no longer has, a new parameter without a value).</param>
/// <param name="Changes">What projecting changed: values moved into range or onto the step grid, parameters removed.</param>
public sealed record ProjectedAssignment(IReadOnlyDictionary<string, object>? Values, string? Dropped, IReadOnlyList<string> Changes);

/// <summary>
/// Carries a configuration from one search space into another (a warm start after the space changed): a number is
/// clamped into the new range and rounded onto its step grid (an int parameter's to a whole number); parameters the new
/// space does not have, or that are inactive there, are removed; a categorical value that is no longer a choice, or a
/// new active parameter with no value, drops the configuration, since any value put there would be a guess.
/// </summary>
public static class AssignmentProjection
{
    public static ProjectedAssignment Project(IReadOnlyDictionary<string, object> assignment, SearchSpace space)
    {
        var values = new Dictionary<string, object>();
        var changes = new List<string>();
        foreach (var spec in space.Parameters)
        {
            if (!space.IsActive(spec, values)) continue;
            if (!assignment.TryGetValue(spec.Name, out var value))
                return new ProjectedAssignment(null, $"it has no value for {spec.Name}", changes);
            if (Project(spec, value, changes) is not { } projected)
                return new ProjectedAssignment(null, $"{spec.Name} {ParameterValues.Describe(value)} is not inside {spec.Distribution}", changes);
            values[spec.Name] = projected;
        }

        foreach (var name in assignment.Keys.Where(n => !values.ContainsKey(n)).Order(StringComparer.Ordinal))
        {
            changes.Add(space.Find(name) is null ? $"{name} removed (not in the search space)" : $"{name} removed (inactive)");
        }

        return new ProjectedAssignment(values, null, changes);
    }

    private static object? Project(ParameterSpec spec, object value, List<string> changes)
    {
        object? projected = spec.Distribution switch
        {
            CategoricalDistribution categorical => categorical.Contains(value) ? value : null,
            FloatDistribution f when ParameterValues.TryGetDouble(value, out var x) => OnGrid(Math.Clamp(x, f.Low, f.High), f),
            IntDistribution i when ParameterValues.TryGetDouble(value, out var x) => OnGrid(x, i),
            _ => null,
        };
        if (projected is not null && !ParameterValues.AreEqual(projected, value))
            changes.Add($"{spec.Name} {ParameterValues.Describe(value)} → {ParameterValues.Describe(projected)}");
        return projected;
    }

    private static double OnGrid(double x, FloatDistribution f)
    {
        if (f.Step is not { } step) return x;
        var k = Math.Round((x - f.Low) / step);
        return Math.Min(f.Low + k * step, f.Low + Math.Floor((f.High - f.Low) / step) * step);
    }

    private static long OnGrid(double x, IntDistribution i)
    {
        var clamped = Math.Clamp(x, i.Low, i.High);
        var k = (long)Math.Round((clamped - i.Low) / i.Step);
        return Math.Min(i.Low + k * i.Step, i.Low + (i.High - i.Low) / i.Step * i.Step);
    }

}

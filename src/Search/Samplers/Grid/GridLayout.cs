using Tuner.Search.Spaces;
using static System.FormattableString;

namespace Tuner.Search.Samplers.Grid;

/// <summary>
/// Numbers the valid combinations of a finite search space 0 .. Size-1 without listing them: the unconditional
/// parameters form a mixed-radix number (the first varies fastest), and each parameter's conditional children are
/// nested under the values that activate them (<see cref="GridNode"/>). Decode and Encode are inverse.
/// </summary>
internal sealed class GridLayout
{
    /// <summary>The largest grid sampled: the shuffle works on indices below 2^62.</summary>
    public const long MaxSize = 1L << 62;

    private readonly IReadOnlyList<GridNode> roots;

    private GridLayout(IReadOnlyList<GridNode> roots, long size)
    {
        this.roots = roots;
        Size = size;
    }

    public long Size { get; }

    /// <summary>Every reason the space has no usable grid; empty when it has one.</summary>
    public static IReadOnlyList<string> Problems(SearchSpace space)
    {
        ArgumentNullException.ThrowIfNull(space);
        var problems = space.Parameters
            .Where(p => !GridAxis.IsFinite(p.Distribution))
            .Select(p => $"grid sampling needs a finite grid, but '{p.Name}' is a continuous float; give it a step or make it categorical")
            .ToList();
        if (problems.Count == 0 && TryBuild(space) is null)
        {
            problems.Add(Invariant($"grid sampling supports at most {MaxSize} grid points, but the search space has more; use fewer values or another sampler"));
        }

        return problems;
    }

    /// <exception cref="ArgumentException">The space has a continuous parameter or too many grid points.</exception>
    public static GridLayout Create(SearchSpace space) =>
        Problems(space) is { Count: > 0 } problems
            ? throw new ArgumentException(string.Join("; ", problems), nameof(space))
            : TryBuild(space)!;

    public IReadOnlyDictionary<string, object> Decode(long index)
    {
        var assignment = new Dictionary<string, object>(StringComparer.Ordinal);
        GridNode.DecodeProduct(roots, index, assignment);
        return assignment;
    }

    /// <summary>The index of a grid point, or -1 when the assignment is not exactly a point of this grid.</summary>
    public long Encode(IReadOnlyDictionary<string, object> assignment)
    {
        var consumed = 0;
        var index = GridNode.EncodeProduct(roots, assignment, ref consumed);
        return consumed == assignment.Count ? index : -1;
    }

    private static GridLayout? TryBuild(SearchSpace space)
    {
        var nodes = new Dictionary<string, GridNode>(StringComparer.Ordinal);
        var roots = new List<GridNode>();
        foreach (var spec in space.Parameters)
        {
            if (GridAxis.For(spec.Distribution) is not { } axis)
            {
                return null;
            }

            var node = nodes[spec.Name] = new GridNode(spec, axis);
            if (spec.When is { } when)
            {
                nodes[when.Parent].AddChild(node);
            }
            else
            {
                roots.Add(node);
            }
        }

        try
        {
            roots.ForEach(r => r.Seal());
            var size = roots.Aggregate(1L, (product, node) => checked(product * node.Count));
            return size <= MaxSize ? new GridLayout(roots, size) : null;
        }
        catch (OverflowException)
        {
            return null;
        }
    }
}

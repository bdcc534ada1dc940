using Tuner.Search.Spaces;

namespace Tuner.Search.Samplers.Grid;

/// <summary>
/// One parameter of a grid with the parameters conditional on it. The node's combinations are its values, each
/// followed by the combinations of the children that value activates, so an inactive child adds no combinations.
/// Only the few values named by the children's conditions activate anything (a branch); every other value counts
/// once. Combinations are numbered in value order; a branch's combinations are numbered by mixed radix over its
/// active children (the first child varies fastest).
/// </summary>
internal sealed class GridNode(ParameterSpec spec, GridAxis axis)
{
    private readonly List<GridNode> children = [];
    private List<GridBranch> branches = [];

    public ParameterSpec Spec { get; } = spec;

    public long Count { get; private set; }

    public void AddChild(GridNode child) => children.Add(child);

    /// <summary>Computes the counts bottom-up. <exception cref="OverflowException">More than long.MaxValue combinations.</exception></summary>
    public void Seal()
    {
        foreach (var child in children)
        {
            child.Seal();
        }

        branches = children
            .SelectMany(c => c.Spec.When!.Values.Select(axis.IndexOf))
            .Where(k => k >= 0)
            .Distinct()
            .Order()
            .Select(k => new GridBranch(k, children.Where(c => c.Spec.When!.Matches(axis.ValueAt(k))).ToArray()))
            .Where(b => b.Active.Length > 0)
            .ToList();
        Count = checked(axis.Count - branches.Count + branches.Sum(b => b.Weight));
    }

    public void Decode(long index, Dictionary<string, object> into)
    {
        var shift = 0L;
        foreach (var branch in branches)
        {
            var start = branch.Index + shift;
            if (index < start)
            {
                break;
            }

            if (index < start + branch.Weight)
            {
                into[Spec.Name] = axis.ValueAt(branch.Index);
                DecodeProduct(branch.Active, index - start, into);
                return;
            }

            shift += branch.Weight - 1;
        }

        into[Spec.Name] = axis.ValueAt(index - shift);
    }

    /// <summary>The number of the combination in the assignment, or -1 when the assignment is not on the grid.</summary>
    public long Encode(IReadOnlyDictionary<string, object> assignment, ref int consumed)
    {
        var k = assignment.TryGetValue(Spec.Name, out var value) ? axis.IndexOf(value) : -1;
        if (k < 0)
        {
            return -1;
        }

        consumed++;
        var offset = k;
        foreach (var branch in branches)
        {
            if (branch.Index == k)
            {
                var inner = EncodeProduct(branch.Active, assignment, ref consumed);
                return inner < 0 ? -1 : offset + inner;
            }

            if (branch.Index > k)
            {
                break;
            }

            offset += branch.Weight - 1;
        }

        return offset;
    }

    public static void DecodeProduct(IReadOnlyList<GridNode> nodes, long index, Dictionary<string, object> into)
    {
        foreach (var node in nodes)
        {
            node.Decode(index % node.Count, into);
            index /= node.Count;
        }
    }

    public static long EncodeProduct(IReadOnlyList<GridNode> nodes, IReadOnlyDictionary<string, object> assignment, ref int consumed)
    {
        var (index, radix) = (0L, 1L);
        foreach (var node in nodes)
        {
            var digit = node.Encode(assignment, ref consumed);
            if (digit < 0)
            {
                return -1;
            }

            index += digit * radix;
            radix = unchecked(radix * node.Count);
        }

        return index;
    }

    private sealed record GridBranch(long Index, GridNode[] Active)
    {
        public long Weight { get; } = Active.Aggregate(1L, (product, node) => checked(product * node.Count));
    }
}

using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Tuner.Core.Definitions.Reading;

/// <summary>
/// Passes YamlDotNet's parse events through and stops with a <see cref="YamlException"/> at the first mapping or list
/// nested deeper than <paramref name="maxDepth"/>. The event parser keeps its own stack, but building the node tree
/// recurses once per level: checking here, as the events arrive, keeps 100,000 nested '[' from overflowing the stack.
/// </summary>
internal sealed class DepthLimitedParser(IParser inner, int maxDepth) : IParser
{
    private int depth;

    public ParsingEvent? Current => inner.Current;

    public bool MoveNext()
    {
        if (!inner.MoveNext()) return false;
        switch (inner.Current)
        {
            case MappingStart or SequenceStart when ++depth > maxDepth:
                throw new YamlException(
                    inner.Current.Start, inner.Current.End, $"mappings and lists are nested deeper than {maxDepth} levels here");
            case MappingEnd or SequenceEnd:
                depth--;
                break;
        }

        return true;
    }
}

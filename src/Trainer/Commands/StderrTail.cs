namespace Tuner.Trainer.Commands;

/// <summary>The last lines a program wrote to stderr, each cut to <see cref="MaxLineLength"/> characters, for a
/// failure's message. Thread-safe.</summary>
internal sealed class StderrTail(int capacity)
{
    public const int MaxLineLength = 1000;

    private readonly Queue<string> _lines = new();

    public void Add(string line)
    {
        if (capacity <= 0) return;
        if (line.Length > MaxLineLength) line = string.Concat(line.AsSpan(0, MaxLineLength), "…");
        lock (_lines)
        {
            if (_lines.Count == capacity) _lines.Dequeue();
            _lines.Enqueue(line);
        }
    }

    /// <summary>"; its last 3 stderr lines:\n..." or "; it wrote nothing to stderr".</summary>
    public string Describe()
    {
        lock (_lines)
        {
            return _lines.Count == 0
                ? "; it wrote nothing to stderr"
                : $"; the last {(_lines.Count == 1 ? "line" : $"{_lines.Count} lines")} of its stderr:\n{string.Join('\n', _lines)}";
        }
    }
}

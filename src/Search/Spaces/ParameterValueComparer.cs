namespace Tuner.Search.Spaces;

/// <summary>Parameter values compared as <see cref="ParameterValues.AreEqual"/> does (64L equals 64.0), for hash lookups.</summary>
internal sealed class ParameterValueComparer : IEqualityComparer<object>
{
    public static ParameterValueComparer Instance { get; } = new();

    public new bool Equals(object? x, object? y) => ParameterValues.AreEqual(x, y);

    public int GetHashCode(object value) => ParameterValues.HashOf(value);
}

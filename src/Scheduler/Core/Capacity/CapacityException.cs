namespace Tuner.Core.Capacity;

/// <summary>A provider call the cloud refused, with the cloud's own code (e.g. InsufficientInstanceCapacity) kept.</summary>
public sealed class CapacityException(CapacityErrorKind kind, string code, string message, Exception? inner = null)
    : Exception(message, inner)
{
    public CapacityErrorKind Kind { get; } = kind;

    /// <summary>The cloud's error code, as it sent it.</summary>
    public string Code { get; } = code;
}

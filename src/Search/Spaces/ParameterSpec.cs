namespace Tuner.Search.Spaces;

/// <summary>One named parameter of a search space, with its distribution and, optionally, the condition that activates it.</summary>
public sealed record ParameterSpec(string Name, Distribution Distribution, ParameterCondition? When = null);

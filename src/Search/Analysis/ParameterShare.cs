namespace Tuner.Search.Analysis;

/// <summary>One parameter's share of the objective's variance, in [0, 1]; a study's shares sum to 1 (or are all 0).</summary>
public sealed record ParameterShare(string Name, double Importance);

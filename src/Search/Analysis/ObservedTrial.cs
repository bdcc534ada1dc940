namespace Tuner.Search.Analysis;

/// <summary>One finished trial as the analysis sees it: its parameter values (external values, as a search space's
/// distributions take them) and its objective value.</summary>
public sealed record ObservedTrial(IReadOnlyDictionary<string, object> Params, double Value);

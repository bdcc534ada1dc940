using Tuner.Search.Spaces;

namespace Tuner.Search.Samplers;

/// <summary>
/// What a sampler knows when asked for trial <paramref name="TrialNumber"/>: the space, the direction, and the whole
/// history <paramref name="Trials"/>, pending trials included.
/// </summary>
public sealed record SamplingContext(SearchSpace Space, StudyDirection Direction, IReadOnlyList<FrozenTrial> Trials, int TrialNumber);

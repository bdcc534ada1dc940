namespace Tuner.Search.Pruners;

/// <summary>
/// What a pruner judges: <paramref name="Trial"/>, whose intermediate values include the step just reported
/// (<see cref="FrozenTrial.LastStep"/>), against every trial of the study in <paramref name="Trials"/>, which may
/// include <paramref name="Trial"/> itself (pruners exclude it by number).
/// </summary>
public sealed record PruningContext(StudyDirection Direction, IReadOnlyList<FrozenTrial> Trials, FrozenTrial Trial);

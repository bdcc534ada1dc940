namespace Tuner.Core.Definitions;

/// <summary>How often trials checkpoint (in epochs) and how many finished trials keep their best checkpoint.</summary>
public sealed record CheckpointSection(int EveryEpochs = 1, int KeepBest = 1);

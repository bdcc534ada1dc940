namespace Tuner.Benchmarks.Pruning;

/// <summary>
/// One line of the prune command: the steps trained with the pruner, the steps trials × max steps that no pruning
/// would train, and the regret of pruning (best final loss among trials that ran to the end, minus the best final
/// loss of all the same trials without pruning).
/// </summary>
public sealed record PruneResult(string Pruner, long StepsUsed, long StepsWithoutPruning, double Regret);

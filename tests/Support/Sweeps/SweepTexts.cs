using System.Globalization;

namespace Tuner.TestSupport.Sweeps;

/// <summary>Sweep definitions for the scheduler's integration tests.</summary>
public static class SweepTexts
{
    /// <summary>A valid sweep over three parameters; no pruning, so tests decide how each trial ends.</summary>
    public static string Small(
        int maxTrials = 4, int parallelism = 2, int seed = 7, string pruner = "none", int keepBest = 1, string budget = "") => string.Create(
        CultureInfo.InvariantCulture,
        $$"""
        name: small-{{seed}}
        workload: { kind: mnist-mlp, max_epochs: 3, train_samples: 1000, validation_samples: 200 }
        objective: { metric: val_accuracy, direction: maximize }
        space:
          learning_rate: { type: float, low: 1.0e-4, high: 1.0e-1, log: true }
          batch_size:    { type: categorical, choices: [32, 64, 128] }
          hidden_units:  { type: int, low: 16, high: 256, log: true }
        sampler: { kind: random, seed: {{seed}} }
        pruner: { kind: {{pruner}} }
        budget: { max_trials: {{maxTrials}}, parallelism: {{parallelism}}{{(budget.Length > 0 ? ", " + budget : "")}} }
        checkpoints: { every_epochs: 1, keep_best: {{keepBest}} }
        """);
}

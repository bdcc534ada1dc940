namespace Tuner.Core.Definitions;

/// <summary>What a sweep's running trials do when it has spent its <c>budget.max_cost_usd</c> (<c>budget.when_spent</c>).</summary>
public enum WhenSpent
{
    /// <summary>They checkpoint and stop, back to waiting: raising the budget resumes them where they stopped.</summary>
    Stop,

    /// <summary>They run to their end (complete or pruned); only new trials are held back.</summary>
    Finish,
}

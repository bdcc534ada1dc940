using static System.FormattableString;

namespace Tuner.Search.Samplers.Gp;

/// <summary>
/// Settings of <see cref="GpSampler"/>. Defaults follow Optuna's GPSampler (optuna/samplers/_gp/sampler.py) except where
/// noted: fewer acquisition samples and capped optimizer iterations keep an ask near 100 ms with 300 trials in 10 dimensions.
/// </summary>
/// <param name="StartupTrials">Complete trials sampled at random before the GP takes over (Optuna: 10).</param>
/// <param name="DeterministicObjective">Fix the noise variance at its minimum instead of fitting it (Optuna's deterministic_objective).</param>
/// <param name="PreliminarySamples">Random points scored before the local searches (Optuna: 2048; fewer here for latency).</param>
/// <param name="LocalSearches">Local searches started from the best preliminary points and the best trial (Optuna: 10).</param>
/// <param name="FitIterations">Most L-BFGS iterations when fitting the kernel parameters by marginal likelihood.</param>
/// <param name="MaxFitTrials">
/// Most Complete trials used to fit the kernel parameters (evenly spread over the trials ranked by value); the GP is still
/// conditioned on every trial. Each fit step costs O(n³), so this bounds the cost of long studies.
/// </param>
public sealed record GpOptions(
    int StartupTrials = 10,
    bool DeterministicObjective = false,
    int PreliminarySamples = 512,
    int LocalSearches = 10,
    int FitIterations = 50,
    int MaxFitTrials = 128)
{
    /// <summary>Every problem of these settings; empty when they are valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (StartupTrials < 0)
        {
            problems.Add(Invariant($"StartupTrials must be at least 0, but got StartupTrials={StartupTrials}"));
        }

        if (PreliminarySamples < 1)
        {
            problems.Add(Invariant($"PreliminarySamples must be at least 1, but got PreliminarySamples={PreliminarySamples}"));
        }

        if (LocalSearches < 1)
        {
            problems.Add(Invariant($"LocalSearches must be at least 1, but got LocalSearches={LocalSearches}"));
        }

        if (FitIterations < 1)
        {
            problems.Add(Invariant($"FitIterations must be at least 1, but got FitIterations={FitIterations}"));
        }

        if (MaxFitTrials < 2)
        {
            problems.Add(Invariant($"MaxFitTrials must be at least 2, but got MaxFitTrials={MaxFitTrials}"));
        }

        return problems;
    }

    /// <exception cref="ArgumentException">The settings have problems; the message lists all of them.</exception>
    public GpOptions ThrowIfInvalid()
    {
        var problems = Validate();
        return problems.Count == 0
            ? this
            : throw new ArgumentException($"GP sampler options are invalid: {string.Join("; ", problems)}");
    }
}

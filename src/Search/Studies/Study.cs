using System.Collections.ObjectModel;
using Tuner.Search.Pruners;
using Tuner.Search.Samplers;
using Tuner.Search.Spaces;
using static System.FormattableString;

namespace Tuner.Search.Studies;

/// <summary>
/// An in-memory ask/tell study (after optuna/study/study.py): <see cref="Ask"/> starts a Running trial with the
/// sampler's suggestion, <see cref="TrialHandle.Report"/> and <see cref="TrialHandle.ShouldPrune"/> drive the pruner,
/// <see cref="Tell"/> finishes it. Trial numbers count from 0. Safe to call from several threads.
/// </summary>
public sealed class Study(SearchSpace space, StudyDirection direction, ISampler sampler, IPruner pruner)
{
    private readonly SearchSpace space = space ?? throw new ArgumentNullException(nameof(space));
    private readonly ISampler sampler = sampler ?? throw new ArgumentNullException(nameof(sampler));
    private readonly IPruner pruner = pruner ?? throw new ArgumentNullException(nameof(pruner));
    private readonly List<StudyTrial> trials = [];
    private readonly Lock gate = new();

    public SearchSpace Space => space;

    public StudyDirection Direction { get; } = direction;

    /// <summary>Snapshots of every trial, in number order.</summary>
    public IReadOnlyList<FrozenTrial> Trials
    {
        get
        {
            lock (gate)
            {
                return new ReadOnlyCollection<FrozenTrial>(trials.Select(t => t.Freeze()).ToList());
            }
        }
    }

    /// <summary>The Complete trial with the best value (lowest number on ties), or null when none is Complete.</summary>
    public FrozenTrial? BestTrial
    {
        get
        {
            return Trials.Where(t => t.State == TrialState.Complete)
                .BestFirst(Direction, t => t.Value, t => t.Number).FirstOrDefault();
        }
    }

    /// <summary>Starts a new Running trial with parameters from the sampler, which sees every trial so far.</summary>
    /// <exception cref="InvalidOperationException">The sampler's suggestion does not fit the search space.</exception>
    public TrialHandle Ask()
    {
        lock (gate)
        {
            var number = trials.Count;
            var history = trials.Select(t => t.Freeze()).ToList();
            var suggestion = sampler.Sample(new SamplingContext(space, Direction, history, number));
            var problems = space.CheckAssignment(suggestion);
            if (problems.Count > 0)
            {
                throw new InvalidOperationException(
                    $"{sampler.GetType().Name} suggested parameters that do not fit the search space: {string.Join("; ", problems)}");
            }

            var parameters = new ReadOnlyDictionary<string, object>(new Dictionary<string, object>(suggestion, StringComparer.Ordinal));
            trials.Add(new StudyTrial(number, parameters));
            return new TrialHandle(this, number, parameters);
        }
    }

    /// <summary>
    /// Finishes a trial. Complete needs a finite value; Pruned and Failed take none (a Pruned trial keeps its last
    /// finite intermediate value as its value, as in Optuna). A trial can be told once.
    /// </summary>
    public void Tell(int trialNumber, TrialState state, double? value = null)
    {
        if (state is not (TrialState.Complete or TrialState.Pruned or TrialState.Failed))
        {
            throw new ArgumentException($"state must be Complete, Pruned or Failed, but got {state}", nameof(state));
        }

        if (state == TrialState.Complete && !(value is { } v && double.IsFinite(v)))
        {
            throw new ArgumentException(Invariant($"a Complete trial needs a finite value, but got value={value?.ToString() ?? "null"}"), nameof(value));
        }

        if (state != TrialState.Complete && value is { } extra)
        {
            throw new ArgumentException(Invariant($"value is only accepted with Complete, but got value={extra} with state {state}"), nameof(value));
        }

        lock (gate)
        {
            var trial = Running(trialNumber);
            var last = trial.Freeze().LastIntermediateValue;
            var recorded = state == TrialState.Pruned ? (last is { } l && double.IsFinite(l) ? l : null) : value;
            trial.Finish(state, recorded);
        }
    }

    internal void Report(int trialNumber, int step, double value)
    {
        if (step < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(step), step, Invariant($"step must not be negative, but got step={step}"));
        }

        lock (gate)
        {
            Running(trialNumber).Report(step, value);
        }
    }

    internal bool ShouldPrune(int trialNumber)
    {
        PruningContext context;
        lock (gate)
        {
            var trial = Find(trialNumber);
            context = new PruningContext(Direction, trials.Select(t => t.Freeze()).ToList(), trial.Freeze());
        }

        return pruner.ShouldPrune(context);
    }

    private StudyTrial Running(int trialNumber)
    {
        var trial = Find(trialNumber);
        return trial.IsFinished
            ? throw new InvalidOperationException($"trial {trialNumber} is already {trial.State}; a finished trial cannot be told or reported to again")
            : trial;
    }

    private StudyTrial Find(int trialNumber) =>
        trialNumber >= 0 && trialNumber < trials.Count
            ? trials[trialNumber]
            : throw new ArgumentOutOfRangeException(
                nameof(trialNumber), trialNumber, Invariant($"trial {trialNumber} does not exist; this study has trials 0 to {trials.Count - 1}"));
}

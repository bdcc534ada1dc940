namespace Tuner.Search.Pruners;

/// <summary>Decides, after a trial reported a step, whether to stop it early.</summary>
public interface IPruner
{
    bool ShouldPrune(PruningContext context);

    /// <summary>Whether <see cref="ShouldPrune"/> can ever answer true. A caller may skip building the context (the
    /// sweep's history, a query over all its trials and reports) for a pruner that never prunes.</summary>
    bool CanPrune => true;
}

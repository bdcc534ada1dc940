namespace Tuner.Search;

/// <summary>Where a trial is in its life. Waiting and Running are pending; the other three are finished.</summary>
public enum TrialState
{
    Waiting,
    Running,
    Complete,
    Pruned,
    Failed,
}

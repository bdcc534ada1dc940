namespace Tuner.Search.Pruners;

/// <summary>Decides, after a trial reported a step, whether to stop it early.</summary>
public interface IPruner
{
    bool ShouldPrune(PruningContext context);
}

namespace Tuner.Search.Pruners;

/// <summary>Never prunes.</summary>
public sealed class NopPruner : IPruner
{
    public bool ShouldPrune(PruningContext context) => false;

    public bool CanPrune => false;
}

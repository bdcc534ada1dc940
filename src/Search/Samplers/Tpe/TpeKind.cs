namespace Tuner.Search.Samplers.Tpe;

/// <summary>How TPE models a parameter: a truncated normal, a truncated normal on a grid, or choice weights.</summary>
internal enum TpeKind
{
    Continuous,
    Discrete,
    Categorical,
}

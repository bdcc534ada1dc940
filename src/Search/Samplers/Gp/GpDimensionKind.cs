namespace Tuner.Search.Samplers.Gp;

/// <summary>How the GP treats one parameter: a continuous coordinate, a grid of numbers, or choices under Hamming distance.</summary>
internal enum GpDimensionKind
{
    Continuous,
    Grid,
    Categorical,
}

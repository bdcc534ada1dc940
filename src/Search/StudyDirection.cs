namespace Tuner.Search;

/// <summary>Whether a study looks for the smallest or the largest objective value.</summary>
public enum StudyDirection
{
    Minimize,
    Maximize,
}

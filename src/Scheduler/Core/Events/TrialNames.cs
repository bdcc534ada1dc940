namespace Tuner.Core.Events;

/// <summary>How an event's message names a trial: by its number in its sweep, as `tuner run` and `tuner status` print
/// it, with its id beside it.</summary>
public static class TrialNames
{
    public static string Of(int number, long id) => $"trial {number} (id {id})";
}

namespace Tuner.Scheduler.Api.Contracts;

/// <summary>Whether a sweep's objective is to be maximized or minimized, as the API writes it.</summary>
public static class ObjectiveDirections
{
    public const string Maximize = "maximize";
    public const string Minimize = "minimize";
}

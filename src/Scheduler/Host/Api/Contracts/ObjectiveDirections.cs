namespace Tuner.Scheduler.Api.Contracts;

/// <summary>Whether a sweep's objective is to be maximized or minimized, as the API writes it.</summary>
public static class ObjectiveDirections
{
    public const string Maximize = "maximize";
    public const string Minimize = "minimize";

    /// <summary>A sweep's direction as the API writes it.</summary>
    public static string Of(bool maximize) => maximize ? Maximize : Minimize;
}

namespace Tuner.Core.Model;

/// <summary>Why a run or a machine ended, as stored: at most <see cref="MaxLength"/> characters (a provider's error
/// message can be longer), cut at that length wherever one is written.</summary>
public static class EndReasons
{
    public const int MaxLength = 400;

    public static string? Fit(string? reason) => reason is { Length: > MaxLength } ? reason[..MaxLength] : reason;
}

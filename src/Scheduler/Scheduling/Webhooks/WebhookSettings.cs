using Tuner.Core.Settings;

namespace Tuner.Scheduling.Webhooks;

/// <summary>The webhook receivers and signing secret, resolved from <see cref="WebhookOptions"/>.</summary>
public sealed record WebhookSettings(IReadOnlyList<Uri> Urls, string? Secret, int Attempts)
{
    public static WebhookSettings None { get; } = new([], null, 8);

    /// <summary>The first retry waits this long, doubling with each attempt up to <see cref="LongestRetry"/>.</summary>
    public TimeSpan FirstRetry { get; init; } = TimeSpan.FromSeconds(5);
    public TimeSpan LongestRetry { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>How long one attempt may take.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    public static WebhookSettings Read(SettingsReader reader)
    {
        var options = reader.Read<WebhookOptions>();
        return new WebhookSettings(options.UrlList, options.Secret, options.Attempts);
    }

    /// <summary>The wait after the given number of failed attempts.</summary>
    public TimeSpan RetryAfter(int failedAttempts) =>
        TimeSpan.FromSeconds(Math.Min(LongestRetry.TotalSeconds, FirstRetry.TotalSeconds * Math.Pow(2, Math.Max(0, failedAttempts - 1))));
}

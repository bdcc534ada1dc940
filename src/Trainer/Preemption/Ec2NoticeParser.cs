using System.Globalization;
using System.Text.Json;

namespace Tuner.Trainer.Preemption;

/// <summary>Reads the JSON bodies of the spot instance-action and rebalance recommendation.</summary>
internal static class Ec2NoticeParser
{
    public const string SpotSource = "ec2-spot";
    public const string RebalanceSource = "ec2-rebalance";

    /// <summary>{"action":"terminate","time":"2026-11-22T21:32:00Z"}. A body that does not parse is still a notice.</summary>
    public static PreemptionNotice InstanceAction(string body)
    {
        var action = ReadString(body, "action");
        var time = ParseTime(ReadString(body, "time"));
        var detail = action is null ? $"unreadable instance-action: {body}" : $"action={action}";
        return new PreemptionNotice(SpotSource, time, detail);
    }

    /// <summary>{"noticeTime":"2026-11-22T21:30:00Z"}: when the recommendation was made, not a termination time.</summary>
    public static PreemptionNotice Rebalance(string body)
    {
        var noticeTime = ReadString(body, "noticeTime");
        return new PreemptionNotice(RebalanceSource, null, $"rebalance recommended at {noticeTime ?? body}");
    }

    private static string? ReadString(string body, string property)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty(property, out var value)
                && value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static DateTimeOffset? ParseTime(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : null;
}

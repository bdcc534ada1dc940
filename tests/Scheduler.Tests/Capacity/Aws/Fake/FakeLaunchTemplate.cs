namespace Tuner.Scheduler.Tests.Capacity.Aws.Fake;

/// <summary>A launch template the fake holds: its id, name, and LaunchTemplateData.* fields as sent.</summary>
public sealed record FakeLaunchTemplate(
    string Id,
    string Name,
    IReadOnlyDictionary<string, string> Data,
    IReadOnlyDictionary<string, string> Tags,
    DateTimeOffset Created);

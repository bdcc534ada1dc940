using System.Text.RegularExpressions;
using Tuner.Core;

namespace Tuner.Capacity.Gcp;

/// <summary>Builds <see cref="GcpOptions"/> from <see cref="GcpSettings"/> and checks every rule at once.</summary>
internal static partial class GcpOptionsReader
{
    /// <returns>The options, or null when any setting is wrong (each problem is added to <paramref name="problems"/>).</returns>
    public static GcpOptions? Read(GcpSettings settings, ICollection<string> problems)
    {
        var before = problems.Count;
        static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

        var action = GcpTerminationAction.Delete;
        if (!TryParseAction(settings.TerminationAction.Trim(), out action))
            problems.Add($"TUNER_GCP_TERMINATION_ACTION must be DELETE or STOP, but got '{settings.TerminationAction}'");

        Uri? endpoint = null;
        if (Text(settings.Endpoint) is { } endpointText && !TryParseEndpoint(endpointText, out endpoint))
            problems.Add($"TUNER_GCP_ENDPOINT must be an absolute http(s) URL, but got '{endpointText}'");

        TimeSpan? timeout = null;
        if (settings.OperationTimeoutSeconds > 0)
            timeout = TimeSpan.FromSeconds(settings.OperationTimeoutSeconds);
        else
            problems.Add($"TUNER_GCP_OPERATION_TIMEOUT_SECONDS must be a positive whole number, but got '{settings.OperationTimeoutSeconds}'");

        var options = new GcpOptions(
            Project: Text(settings.Project) ?? "",
            Zones: (Text(settings.Zones) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            Image: settings.Image.Trim(),
            Network: settings.Network.Trim(),
            Subnetwork: Text(settings.Subnetwork),
            ServiceAccount: Text(settings.ServiceAccount),
            DiskGb: settings.DiskGb,
            TerminationAction: action,
            AcceleratorType: settings.AcceleratorType.Trim(),
            Endpoint: endpoint,
            OperationTimeout: timeout);
        foreach (var problem in Problems(options)) problems.Add(problem);
        return problems.Count > before ? null : options;
    }

    public static void Validate(GcpOptions options) => ThrowIfAny(Problems(options).ToList());

    private static IEnumerable<string> Problems(GcpOptions o)
    {
        if (!ProjectId().IsMatch(o.Project))
            yield return $"TUNER_GCP_PROJECT must be a project id (lowercase letters, digits, '-', optionally 'domain:' first), but got '{o.Project}'";
        if (o.Zones.Count == 0)
            yield return "TUNER_GCP_ZONES must list at least one zone (comma-separated, e.g. us-central1-a,us-central1-b), but got nothing";
        foreach (var zone in o.Zones.Where(z => !ZoneName().IsMatch(z)))
            yield return $"TUNER_GCP_ZONES must hold zone names like us-central1-a, but got '{zone}'";
        foreach (var zone in o.Zones.GroupBy(z => z).Where(g => g.Count() > 1).Select(g => g.Key))
            yield return $"TUNER_GCP_ZONES must name each zone once, but got '{zone}' more than once";
        if (string.IsNullOrWhiteSpace(o.Image))
            yield return "TUNER_GCP_IMAGE must name a source image, but got an empty value";
        if (string.IsNullOrWhiteSpace(o.Network))
            yield return "TUNER_GCP_NETWORK must name a network, but got an empty value";
        if (o.ServiceAccount is { } account && !account.Contains('@', StringComparison.Ordinal))
            yield return $"TUNER_GCP_SERVICE_ACCOUNT must be a service account email, but got '{account}'";
        if (o.DiskGb is < 10 or > 65536)
            yield return $"TUNER_GCP_DISK_GB must be between 10 and 65536, but got {o.DiskGb}";
        if (!ResourceName().IsMatch(o.AcceleratorType))
            yield return $"TUNER_GCP_ACCELERATOR_TYPE must be an accelerator type name like nvidia-tesla-t4, but got '{o.AcceleratorType}'";
        if (o.Endpoint is { } endpoint && !IsHttpUrl(endpoint))
            yield return $"TUNER_GCP_ENDPOINT must be an absolute http(s) URL, but got '{endpoint}'";
        if (o.OperationTimeout is { } timeout && timeout <= TimeSpan.Zero)
            yield return $"TUNER_GCP_OPERATION_TIMEOUT_SECONDS must be positive, but got {timeout.TotalSeconds}";
        if (o.PollInterval is { } poll && poll < TimeSpan.Zero)
            yield return $"PollInterval must not be negative, but got {poll}";
    }

    public static void ThrowIfAny(List<string> problems)
    {
        if (problems.Count > 0)
            throw new SettingsException("invalid GCP capacity settings: " + string.Join("; ", problems));
    }

    private static bool TryParseAction(string text, out GcpTerminationAction action)
    {
        action = text.ToUpperInvariant() switch { "DELETE" => GcpTerminationAction.Delete, "STOP" => GcpTerminationAction.Stop, _ => (GcpTerminationAction)(-1) };
        return Enum.IsDefined(action);
    }

    private static bool TryParseEndpoint(string text, out Uri? endpoint)
    {
        var withSlash = text.EndsWith('/') ? text : text + "/";
        return Uri.TryCreate(withSlash, UriKind.Absolute, out endpoint) && IsHttpUrl(endpoint);
    }

    private static bool IsHttpUrl(Uri uri) => uri.IsAbsoluteUri && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    [GeneratedRegex("^([a-z][a-z0-9.-]*:)?[a-z][a-z0-9-]{4,28}[a-z0-9]$")]
    private static partial Regex ProjectId();

    [GeneratedRegex("^[a-z]+-[a-z]+[0-9]+-[a-z]$")]
    private static partial Regex ZoneName();

    [GeneratedRegex("^[a-z][a-z0-9-]*$")]
    private static partial Regex ResourceName();
}

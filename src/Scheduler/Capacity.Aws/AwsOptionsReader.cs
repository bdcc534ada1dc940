using System.Text.RegularExpressions;

namespace Tuner.Capacity.Aws;

/// <summary>Checks <see cref="AwsSettings"/> and turns them into <see cref="AwsCapacityOptions"/>, collecting every problem.</summary>
internal static partial class AwsOptionsReader
{
    /// <returns>The options, or null when any setting is wrong (each problem is added to <paramref name="problems"/>).</returns>
    public static AwsCapacityOptions? Read(AwsSettings settings, ICollection<string> problems)
    {
        var before = problems.Count;
        static string? Get(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

        var region = Get(settings.Region);
        if (region is null)
            problems.Add("TUNER_AWS_REGION must be set to an AWS region such as us-east-1, but got nothing");
        else if (!RegionPattern().IsMatch(region))
            problems.Add($"TUNER_AWS_REGION must be an AWS region such as us-east-1, but got '{region}'");

        var image = Get(settings.ImageId);
        if (image is null)
            problems.Add("TUNER_AWS_IMAGE_ID must be set to an AMI id (ami- followed by 8 or 17 hex digits), but got nothing");
        else if (!ImagePattern().IsMatch(image))
            problems.Add($"TUNER_AWS_IMAGE_ID must be an AMI id (ami- followed by 8 or 17 hex digits), but got '{image}'");

        var subnets = IdList(Get(settings.SubnetIds), "TUNER_AWS_SUBNET_IDS", "subnet", required: true, problems);
        var groups = IdList(Get(settings.SecurityGroupIds), "TUNER_AWS_SECURITY_GROUP_IDS", "sg", required: false, problems);

        var profile = Get(settings.InstanceProfile);
        if (profile is not null && !ProfileArnPattern().IsMatch(profile) && !ProfileNamePattern().IsMatch(profile))
            problems.Add("TUNER_AWS_INSTANCE_PROFILE must be an instance profile name (1-128 of letters, digits, +=,.@_-) " +
                         $"or an arn:aws:iam::ACCOUNT:instance-profile/NAME ARN, but got '{profile}'");

        var key = Get(settings.KeyName);
        if (key is { Length: > 255 })
            problems.Add($"TUNER_AWS_KEY_NAME must be at most 255 characters, but got {key.Length}");

        var api = AwsLaunchApi.Fleet;
        switch (Get(settings.LaunchApi) ?? AwsSettings.DefaultLaunchApi)
        {
            case AwsSettings.DefaultLaunchApi: break;
            case "run-instances": api = AwsLaunchApi.RunInstances; break;
            case var other: problems.Add($"TUNER_AWS_LAUNCH_API must be 'fleet' or 'run-instances', but got '{other}'"); break;
        }

        Uri? endpoint = null;
        var endpointText = Get(settings.Endpoint);
        if (endpointText is not null &&
            (!Uri.TryCreate(endpointText, UriKind.Absolute, out endpoint) || endpoint.Scheme is not ("http" or "https")))
            problems.Add($"TUNER_AWS_ENDPOINT must be an absolute http or https URL, but got '{endpointText}'");

        if (problems.Count > before)
            return null;
        return new AwsCapacityOptions(region!, image!, subnets, groups, profile, key, api, endpoint);
    }

    private static string[] IdList(string? text, string variable, string prefix, bool required, ICollection<string> problems)
    {
        var rule = $"{variable} must be a comma-separated list of {prefix}- ids ({prefix}- followed by 8 or 17 hex digits)";
        if (text is null)
        {
            if (required)
                problems.Add($"{rule}, but got nothing");
            return [];
        }
        var ids = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var pattern = new Regex($"^{prefix}-([0-9a-f]{{8}}|[0-9a-f]{{17}})$", RegexOptions.CultureInvariant);
        var bad = ids.Where(id => !pattern.IsMatch(id)).ToArray();
        if (ids.Length == 0 || bad.Length > 0)
            problems.Add($"{rule}, but got '{text}'" + (bad.Length > 0 ? $" (not ids: {string.Join(", ", bad)})" : ""));
        var duplicates = ids.GroupBy(id => id).Where(g => g.Count() > 1).Select(g => g.Key).ToArray();
        if (duplicates.Length > 0)
            problems.Add($"{variable} must not repeat an id, but got {string.Join(", ", duplicates)} more than once");
        return ids.Distinct().ToArray();
    }

    [GeneratedRegex(@"^[a-z]{2}(-[a-z]+)+-\d+$")]
    private static partial Regex RegionPattern();

    [GeneratedRegex("^ami-([0-9a-f]{8}|[0-9a-f]{17})$")]
    private static partial Regex ImagePattern();

    [GeneratedRegex(@"^arn:aws[a-z-]*:iam::\d{12}:instance-profile/[\w+=,.@/-]+$")]
    private static partial Regex ProfileArnPattern();

    [GeneratedRegex(@"^[\w+=,.@-]{1,128}$")]
    private static partial Regex ProfileNamePattern();
}

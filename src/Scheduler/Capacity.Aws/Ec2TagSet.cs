using System.Text;
using Amazon.EC2.Model;
using Tuner.Core.Capacity;

namespace Tuner.Capacity.Aws;

/// <summary>
/// The tags on every launched instance: Tuner's own (deployment, launch token, pool) and the sweep's labels. EC2 tag keys
/// are at most 128 characters, values 256, and the "aws:" prefix is reserved; so label keys keep letters, digits, spaces
/// and <c>_ . : / = + - @</c> (anything else becomes '_', which also suits instance-metadata tags), are cut to 128
/// characters, reserved "aws:" keys get the prefix "label-", values are cut to 256 characters, and a label cannot
/// replace one of Tuner's own tags. EC2 allows 50 tags per resource.
/// </summary>
internal static class Ec2TagSet
{
    public const int MaxTags = 50;

    public static List<Tag> For(LaunchRequest request)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [InstanceTags.Deployment] = request.Deployment,
            [InstanceTags.LaunchToken] = request.LaunchToken,
            [InstanceTags.Pool] = request.Pool,
        };
        foreach (var (key, value) in request.Labels.OrderBy(label => label.Key, StringComparer.Ordinal))
        {
            var tagKey = SanitiseKey(key);
            if (tagKey.Length > 0 && !tags.ContainsKey(tagKey))
                tags[tagKey] = value.Length > 256 ? value[..256] : value;
        }
        if (tags.Count > MaxTags)
            throw new CapacityException(CapacityErrorKind.Rejected, "TagLimitExceeded",
                $"Labels must number at most {MaxTags - 3} on AWS (50 tags per instance, 3 are Tuner's), " +
                $"but got {request.Labels.Count}");
        return tags.Select(tag => new Tag(tag.Key, tag.Value)).ToList();
    }

    public static string SanitiseKey(string key)
    {
        var text = new StringBuilder(key.Length);
        foreach (var c in key.Trim())
            text.Append(char.IsAsciiLetterOrDigit(c) || " _.:/=+-@".Contains(c) ? c : '_');
        var sanitised = text.ToString();
        if (sanitised.StartsWith("aws:", StringComparison.OrdinalIgnoreCase))
            sanitised = "label-" + sanitised;
        return sanitised.Length > 128 ? sanitised[..128] : sanitised;
    }
}

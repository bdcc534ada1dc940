namespace Tuner.Scheduler.Tests.Capacity.Aws.Fake;

/// <summary>One EC2 query-API call as the fake received it: the action and every form field, as sent.</summary>
/// <param name="AccessKey">The access key id from the SigV4 Authorization header.</param>
/// <param name="SigningRegion">The region the request was signed for.</param>
public sealed record Ec2FakeRequest(string Action, IReadOnlyDictionary<string, string> Form, string AccessKey, string SigningRegion)
{
    public string? this[string key] => Form.TryGetValue(key, out var value) ? value : null;

    /// <summary>The values of an indexed member list: PREFIX.1, PREFIX.2, ... in order.</summary>
    public IReadOnlyList<string> Values(string prefix)
    {
        var values = new List<string>();
        for (var i = 1; this[$"{prefix}.{i}"] is { } value; i++)
            values.Add(value);
        return values;
    }

    /// <summary>How many indexed structures PREFIX.N.* the request holds.</summary>
    public int Count(string prefix)
    {
        var n = 0;
        while (Form.Keys.Any(key => key.StartsWith($"{prefix}.{n + 1}.", StringComparison.Ordinal)))
            n++;
        return n;
    }

    /// <summary>The tags of the TagSpecification.N whose ResourceType is <paramref name="resourceType"/> (empty when none).</summary>
    public IReadOnlyDictionary<string, string> Tags(string resourceType, string prefix = "TagSpecification")
    {
        for (var i = 1; i <= Count(prefix); i++)
        {
            if (this[$"{prefix}.{i}.ResourceType"] != resourceType)
                continue;
            var tags = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var t = 1; this[$"{prefix}.{i}.Tag.{t}.Key"] is { } key; t++)
                tags[key] = this[$"{prefix}.{i}.Tag.{t}.Value"] ?? "";
            return tags;
        }
        return new Dictionary<string, string>();
    }

    /// <summary>The request's parameters, less the ones that do not make it a different request (for idempotency).</summary>
    internal string Fingerprint() => string.Join('&', Form
        .Where(field => field.Key is not ("Action" or "Version" or "ClientToken"))
        .OrderBy(field => field.Key, StringComparer.Ordinal)
        .Select(field => $"{field.Key}={field.Value}"));
}

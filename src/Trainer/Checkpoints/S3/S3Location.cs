using System.Text.RegularExpressions;

namespace Tuner.Trainer.Checkpoints.S3;

/// <summary>Where checkpoints live in S3-compatible storage: a bucket and a key prefix ("" for the bucket's root),
/// written "s3://bucket/prefix".</summary>
public sealed partial record S3Location(string Bucket, string Prefix)
{
    /// <summary>Parses "s3://bucket" or "s3://bucket/some/prefix" (a trailing '/' is dropped).</summary>
    public static S3Location Parse(string uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        const string scheme = "s3://";
        if (!uri.StartsWith(scheme, StringComparison.Ordinal))
        {
            throw new FormatException($"an S3 location must start with '{scheme}', but got uri='{uri}'");
        }
        var rest = uri[scheme.Length..];
        var slash = rest.IndexOf('/');
        var bucket = slash < 0 ? rest : rest[..slash];
        var prefix = slash < 0 ? "" : rest[(slash + 1)..].TrimEnd('/');
        if (!BucketName().IsMatch(bucket))
        {
            throw new FormatException(
                $"an S3 bucket name must be 3 to 63 lowercase letters, digits, '.', '-' or '_', starting and ending with a letter or digit, but got bucket='{bucket}' in uri='{uri}'");
        }
        if (prefix.Length > 0 && prefix.Split('/').Any(s => s.Length == 0 || s is "." or ".."))
        {
            throw new FormatException(
                $"an S3 prefix must be '/'-separated non-empty segments other than '.' and '..', but got prefix='{prefix}' in uri='{uri}'");
        }
        return new S3Location(bucket, prefix);
    }

    /// <summary>The object key of the checkpoint <paramref name="key"/> under this location's prefix.</summary>
    public string ObjectKeyOf(string key) => Prefix.Length == 0 ? key : $"{Prefix}/{key}";

    public override string ToString() => Prefix.Length == 0 ? $"s3://{Bucket}" : $"s3://{Bucket}/{Prefix}";

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{1,61}[a-z0-9]$")]
    private static partial Regex BucketName();
}

using Tuner.Trainer.Checkpoints.S3;

namespace Tuner.Trainer.Workloads.Tabular;

/// <summary>Where a CSV file is: a local path, or an object in S3-compatible storage written <c>s3://bucket/key</c>.
/// A relative local path resolves against the current directory when the location is resolved (the scheduler resolves
/// a sweep's relative paths against the sweep definition's folder before trials start).</summary>
/// <param name="Display">How messages name the file: the full local path, or the s3:// URI.</param>
public sealed record TabularLocation(string Display, string? LocalPath, S3Location? S3)
{
    private const string Scheme = "s3://";

    /// <summary>What is wrong with <paramref name="text"/> as the location of option <paramref name="option"/>, or
    /// null; reads nothing.</summary>
    public static string? Problem(string option, string text)
    {
        if (text.StartsWith(Scheme, StringComparison.Ordinal))
        {
            try
            {
                return S3Location.Parse(text).Prefix.Length == 0
                    ? $"option '{option}' must name an object, s3://bucket/key, but got '{text}'"
                    : null;
            }
            catch (FormatException e)
            {
                return $"option '{option}': {e.Message}";
            }
        }
        return string.IsNullOrWhiteSpace(text) || text.Contains("://", StringComparison.Ordinal)
            ? $"option '{option}' must be a local path or s3://bucket/key, but got '{text}'"
            : null;
    }

    /// <summary>The location <paramref name="text"/> names (one <see cref="Problem"/> accepts); a relative path
    /// resolves against the current directory now.</summary>
    public static TabularLocation Resolve(string text)
    {
        if (!text.StartsWith(Scheme, StringComparison.Ordinal)) return new TabularLocation(Path.GetFullPath(text), Path.GetFullPath(text), null);
        var s3 = S3Location.Parse(text);
        return new TabularLocation(s3.ToString(), null, s3);
    }

    public override string ToString() => Display;
}

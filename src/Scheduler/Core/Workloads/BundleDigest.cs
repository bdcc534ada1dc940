using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Tuner.Core.Workloads;

/// <summary>The SHA-256 of a plugin bundle's bytes, written <c>sha256:</c> and 64 lowercase hex digits: the bundle's
/// name in the artifact store and the proof a worker checks what it fetched against.</summary>
public sealed partial record BundleDigest
{
    private const string Prefix = "sha256:";

    private BundleDigest(string hex) => Hex = hex;

    /// <summary>64 lowercase hex digits.</summary>
    public string Hex { get; }

    public static BundleDigest FromHex(string hex) => TryParse(Prefix + hex, out var digest)
        ? digest
        : throw new ArgumentException($"a SHA-256 is 64 hex digits, but got '{hex}'", nameof(hex));

    public static bool TryParse(string text, [NotNullWhen(true)] out BundleDigest? digest)
    {
        var match = Pattern().Match(text);
        digest = match.Success ? new BundleDigest(match.Groups[1].Value.ToLowerInvariant()) : null;
        return digest is not null;
    }

    public override string ToString() => Prefix + Hex;

    [GeneratedRegex("^sha256:([0-9a-fA-F]{64})$")]
    private static partial Regex Pattern();
}

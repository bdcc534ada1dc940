using System.Text;
using Tuner.Core.Definitions;

namespace Tuner.Core.Capacity;

/// <summary>
/// A pool's name, which is also its Hangfire queue: "local", or provider, machine types and GPUs, e.g.
/// "aws_g5_xlarge_g4dn_xlarge_gpu1". Hangfire queue names allow lowercase letters, digits and '_' only.
/// </summary>
public static class PoolNames
{
    /// <summary>The pool (and queue) of the workers on the scheduler's own machine.</summary>
    public const string Local = CapacitySection.Local;

    private const int MaxLength = 100;

    public static string For(CapacitySection capacity)
    {
        if (capacity.Provider == CapacitySection.Local) return CapacitySection.Local;
        var name = new StringBuilder(capacity.Provider);
        foreach (var type in capacity.InstanceTypes)
        {
            name.Append('_').Append(Sanitize(type));
        }

        if (capacity.Gpus > 0) name.Append("_gpu").Append(capacity.Gpus);
        var text = name.ToString();
        return text.Length <= MaxLength ? text : text[..(MaxLength - 9)] + "_" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..8];
    }

    private static string Sanitize(string type) =>
        new(type.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray());
}

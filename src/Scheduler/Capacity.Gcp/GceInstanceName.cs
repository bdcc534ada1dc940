using System.Text;

namespace Tuner.Capacity.Gcp;

/// <summary>
/// The VM name for a launch: "tuner-{deployment}-{launch token, 32 hex digits}", RFC 1035 (lowercase letter first,
/// then letters, digits and '-'), at most 63 characters. The deployment part is cut to 24 characters, so two deployments
/// that share a long prefix still differ by their tokens. The same launch always gets the same name.
/// </summary>
public static class GceInstanceName
{
    private const int DeploymentPartLength = 24;

    public static string For(string deployment, Guid launchToken)
    {
        var slug = Slug(deployment);
        var token = launchToken.ToString("N");
        return slug.Length == 0 ? $"tuner-{token}" : $"tuner-{slug}-{token}";
    }

    private static string Slug(string deployment)
    {
        var builder = new StringBuilder();
        foreach (var c in deployment.ToLowerInvariant())
        {
            var keep = char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c);
            if (keep)
                builder.Append(c);
            else if (builder.Length > 0 && builder[^1] != '-')
                builder.Append('-');
        }
        var slug = builder.ToString();
        if (slug.Length > DeploymentPartLength)
            slug = slug[..DeploymentPartLength];
        return slug.Trim('-');
    }
}

namespace Tuner.Core.Access;

/// <summary>
/// What an API key (and a session signed in with it) may do. Each role includes the ones before it: <see cref="Read"/>
/// sees sweeps, trials, costs, schedules, models and the dashboards; <see cref="Submit"/> also submits, changes and
/// cancels sweeps and schedules and uploads plugin bundles; <see cref="Admin"/> also decides champions (approve, promote,
/// roll back) and acts in the Hangfire dashboard.
/// </summary>
public enum AccessRole
{
    Read = 0,
    Submit = 1,
    Admin = 2,
}

public static class AccessRoles
{
    /// <summary>True when <paramref name="held"/> includes <paramref name="needed"/>.</summary>
    public static bool Grants(this AccessRole held, AccessRole needed) => held >= needed;

    /// <summary>The role's name as keys, claims and the CLI write it: read, submit, admin.</summary>
    public static string Name(this AccessRole role) => role.ToString().ToLowerInvariant();

    public static bool TryParse(string? text, out AccessRole role)
    {
        foreach (var candidate in Enum.GetValues<AccessRole>())
        {
            if (string.Equals(text, candidate.Name(), StringComparison.OrdinalIgnoreCase))
            {
                role = candidate;
                return true;
            }
        }

        role = default;
        return false;
    }

    public static string Names => string.Join(", ", Enum.GetValues<AccessRole>().Select(Name));
}

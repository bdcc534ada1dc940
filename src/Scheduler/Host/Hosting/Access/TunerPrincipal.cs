using System.Security.Claims;
using Tuner.Core.Access;
using Tuner.Scheduling.Access;

namespace Tuner.Scheduler.Hosting.Access;

/// <summary>The user a request runs as: the key's row id, name and role as claims, and how it came (a key on the
/// request, or a session cookie signed in with one).</summary>
internal static class TunerPrincipal
{
    /// <summary>The identity type of a request that carried its key (Authorization: Bearer, X-Api-Key).</summary>
    public const string ByKey = "api-key";

    /// <summary>The identity type of a request signed in through the pages (the session cookie).</summary>
    public const string BySession = "session";

    public static ClaimsPrincipal For(KeyHolder holder, string how) => new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, holder.KeyRowId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new Claim(ClaimTypes.Name, holder.Name),
            new Claim(ClaimTypes.Role, holder.Role.Name()),
        ],
        how, ClaimTypes.Name, ClaimTypes.Role));

    public static AccessRole? RoleOf(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && AccessRoles.TryParse(user.FindFirstValue(ClaimTypes.Role), out var role) ? role : null;

    public static long? KeyRowIdOf(ClaimsPrincipal user) =>
        long.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;

    public static bool IsSession(ClaimsPrincipal user) => user.Identity is { IsAuthenticated: true, AuthenticationType: BySession };
}

using Tuner.Core.Access;

namespace Tuner.Scheduler.Hosting.Access;

/// <summary>
/// Endpoint metadata: the role an endpoint's actions (any method but GET, HEAD and OPTIONS) need, where it is not
/// <see cref="AccessRole.Submit"/>. Reading always needs <see cref="AccessRole.Read"/>: one rule for every endpoint
/// (<see cref="RoleForRequest"/>), so a new GET endpoint is readable and a new POST needs submit without a line of its own.
/// </summary>
public sealed record ActionRole(AccessRole Role)
{
    /// <summary>The role a request to this endpoint needs.</summary>
    public static AccessRole Needed(HttpContext http)
    {
        var method = http.Request.Method;
        if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method))
            return AccessRole.Read;
        return http.GetEndpoint()?.Metadata.GetMetadata<ActionRole>()?.Role ?? AccessRole.Submit;
    }
}

public static class ActionRoleExtensions
{
    /// <summary>This endpoint's actions need <paramref name="role"/> (<see cref="ActionRole"/>).</summary>
    public static TBuilder RequireActionRole<TBuilder>(this TBuilder builder, AccessRole role) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ActionRole(role));
}

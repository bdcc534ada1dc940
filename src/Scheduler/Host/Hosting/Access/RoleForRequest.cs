using Microsoft.AspNetCore.Authorization;
using Tuner.Core.Access;
using Tuner.Scheduling.Access;

namespace Tuner.Scheduler.Hosting.Access;

/// <summary>
/// The fallback policy's one requirement, so every endpoint not marked AllowAnonymous (the health probes, sign-in) is
/// covered: with keys required, the user's role must include what the request needs (<see cref="ActionRole.Needed"/>);
/// an open server lets every request through.
/// </summary>
internal sealed class RoleForRequest : IAuthorizationRequirement
{
    /// <summary>Where the handler leaves the role it wanted, for the 403's message.</summary>
    public const string NeededItem = "tuner.role-needed";
}

internal sealed class RoleForRequestHandler(AccessSettings access) : AuthorizationHandler<RoleForRequest>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, RoleForRequest requirement)
    {
        if (!access.RequiresKeys)
        {
            context.Succeed(requirement);
            return Task.CompletedTask;
        }

        if (context.Resource is not HttpContext http || TunerPrincipal.RoleOf(context.User) is not { } held)
            return Task.CompletedTask;
        var needed = ActionRole.Needed(http);
        if (held.Grants(needed))
            context.Succeed(requirement);
        else
            http.Items[RoleForRequest.NeededItem] = needed;
        return Task.CompletedTask;
    }
}

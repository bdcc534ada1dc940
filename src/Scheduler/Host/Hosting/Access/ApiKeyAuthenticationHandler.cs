using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Tuner.Scheduling.Access;

namespace Tuner.Scheduler.Hosting.Access;

/// <summary>Authenticates a request by the API key it carries (<c>Authorization: Bearer</c> or <c>X-Api-Key</c>).</summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeys keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    public static string? KeyOf(HttpRequest request)
    {
        if (request.Headers[AccessProblems.KeyHeader] is [{ Length: > 0 } key])
            return key.Trim();
        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization["Bearer ".Length..].Trim() : null;
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (KeyOf(Request) is not { } text)
            return AuthenticateResult.NoResult();
        var holder = await keys.CheckAsync(text, Context.RequestAborted);
        return holder is null
            ? AuthenticateResult.Fail("the API key is not valid")
            : AuthenticateResult.Success(new AuthenticationTicket(TunerPrincipal.For(holder, TunerPrincipal.ByKey), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        AccessProblems.UnauthenticatedAsync(Context, KeyOf(Request) is not null);

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) => AccessProblems.ForbiddenAsync(Context);
}

using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Tuner.Scheduling.Access;

namespace Tuner.Scheduler.Hosting.Access;

/// <summary>
/// Authentication and authorization for `tuner server`, ASP.NET Core's own: a request is authenticated by the API key it
/// carries, or else by the session cookie that signing in with a key at /signin sets; one fallback policy
/// (<see cref="RoleForRequest"/>) covers every endpoint, the Hangfire dashboard and the pages included. A request with no
/// credentials gets a 401 problem on the API and a redirect to /signin elsewhere. A signed-in page's actions also carry
/// an antiforgery token (the cookie is SameSite=Strict besides).
/// </summary>
public static class TunerAccess
{
    public const string SessionCookie = "tuner_session";
    public const string SignInPath = "/signin";
    public const string CsrfHeader = "X-CSRF-TOKEN";
    private const string Scheme = "Tuner";

    /// <summary>How long a session lasts without a request (sliding).</summary>
    private static readonly TimeSpan SessionIdle = TimeSpan.FromHours(12);

    public static IServiceCollection AddTunerAccess(this IServiceCollection services, AccessSettings access)
    {
        services.AddSingleton(access);
        services.AddSingleton<ApiKeys>();
        services.AddSingleton<IAuthorizationHandler, RoleForRequestHandler>();
        services.AddAntiforgery(o =>
        {
            o.HeaderName = CsrfHeader;
            o.Cookie.Name = "tuner_csrf";
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, "API key or session", o => o.ForwardDefaultSelector = http =>
                ApiKeyAuthenticationHandler.KeyOf(http.Request) is not null
                || (IsApi(http.Request) && !http.Request.Cookies.ContainsKey(SessionCookie))
                    ? ApiKeyAuthenticationHandler.SchemeName
                    : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddCookie(o =>
            {
                o.Cookie.Name = SessionCookie;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = SessionIdle;
                o.SlidingExpiration = true;
                o.LoginPath = SignInPath;
                o.Events = new SessionEvents();
            });
        services.AddAuthorization(o => o.FallbackPolicy = new AuthorizationPolicyBuilder().AddRequirements(new RoleForRequest()).Build());
        return services;
    }

    /// <summary>Authentication, authorization and the request-forgery check, in that order, before the endpoints.</summary>
    public static WebApplication UseTunerAccess(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.Use(async (http, next) =>
        {
            if (TunerPrincipal.IsSession(http.User) && IsApi(http.Request) && !IsSafe(http.Request.Method)
                && !await http.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http))
            {
                await AccessProblems.RequestForgeryAsync(http);
                return;
            }

            await next(http);
        });
        return app;
    }

    /// <summary>The REST API and the machine-read documents: a 401 problem, never a redirect to a sign-in page.</summary>
    public static bool IsApi(HttpRequest request) =>
        request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/openapi") || request.Path.StartsWithSegments("/metrics");

    private static bool IsSafe(string method) => HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method);

    /// <summary>A session lives only as long as its key: each request checks the key is not revoked and takes its role
    /// as stored now. The API answers 401/403 problems where a page would redirect.</summary>
    private sealed class SessionEvents : CookieAuthenticationEvents
    {
        public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
        {
            var keys = context.HttpContext.RequestServices.GetRequiredService<ApiKeys>();
            if (context.Principal is not { } user || TunerPrincipal.KeyRowIdOf(user) is not { } id
                || await keys.StillValidAsync(id, context.HttpContext.RequestAborted) is not { } holder)
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
                return;
            }

            if (TunerPrincipal.RoleOf(user) != holder.Role)
            {
                context.ReplacePrincipal(TunerPrincipal.For(holder, TunerPrincipal.BySession));
                context.ShouldRenew = true;
            }
        }

        public override Task RedirectToLogin(RedirectContext<CookieAuthenticationOptions> context) =>
            IsApi(context.Request) ? AccessProblems.UnauthenticatedAsync(context.HttpContext, keyWasSent: false) : base.RedirectToLogin(context);

        public override Task RedirectToAccessDenied(RedirectContext<CookieAuthenticationOptions> context) =>
            AccessProblems.ForbiddenAsync(context.HttpContext);
    }
}

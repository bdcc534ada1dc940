using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;
using Tuner.Core.Access;
using Tuner.Scheduling.Access;

namespace Tuner.Scheduler.Hosting.Access;

/// <summary>What the pages ask about the user: who, with which role, whether the server is open, and the token their
/// actions carry in <see cref="TunerAccess.CsrfHeader"/>.</summary>
public sealed record SessionView(bool Open, string? Name, string Role, bool CanSubmit, bool CanAdminister, string CsrfToken);

/// <summary>
/// Signing in to the pages and the Hangfire dashboard: /signin exchanges an API key for a session cookie (a form with
/// an antiforgery token), /signout ends it, and GET /api/session says who is signed in.
/// </summary>
public static class SignInEndpoints
{
    private const string HomePath = "/sweeps";

    public static IEndpointRouteBuilder MapSignIn(this IEndpointRouteBuilder app)
    {
        app.MapGet(TunerAccess.SignInPath, Form).AllowAnonymous().ExcludeFromDescription();
        app.MapPost(TunerAccess.SignInPath, SignInAsync).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
        app.MapPost("/signout", (Func<HttpContext, Task<IResult>>)SignOutAsync).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
        app.MapGet("/api/session", Session).WithName("GetSession").WithTags("Access")
            .WithSummary("Who this request runs as: the key's name and role, whether the server is open, and the X-CSRF-TOKEN a signed-in page's actions carry");
        return app;
    }

    private static IResult Form(HttpContext http, AccessSettings access, IAntiforgery antiforgery, string? returnUrl = null) =>
        access.RequiresKeys ? Page(http, antiforgery, LocalOrHome(http, returnUrl), problem: null) : Results.Redirect(LocalOrHome(http, returnUrl));

    private static async Task<IResult> SignInAsync(HttpContext http, AccessSettings access, IAntiforgery antiforgery, ApiKeys keys)
    {
        if (!access.RequiresKeys)
            return Results.Redirect(Home(http));
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var returnUrl = LocalOrHome(http, form["returnUrl"]);
        if (!await antiforgery.IsRequestValidAsync(http))
            return Page(http, antiforgery, returnUrl, "The form expired or came from another site: sign in again.", StatusCodes.Status400BadRequest);
        if (await keys.CheckAsync(form["key"].ToString().Trim(), http.RequestAborted) is not { } holder)
            return Page(http, antiforgery, returnUrl, "That key is not valid: it was revoked, mistyped, or made for another Tuner database.", StatusCodes.Status401Unauthorized);
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, TunerPrincipal.For(holder, TunerPrincipal.BySession));
        return Results.Redirect(returnUrl);
    }

    private static async Task<IResult> SignOutAsync(HttpContext http)
    {
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Results.Redirect(SignIn(http));
    }

    private static Ok<SessionView> Session(HttpContext http, AccessSettings access, IAntiforgery antiforgery)
    {
        var role = access.RequiresKeys ? TunerPrincipal.RoleOf(http.User) ?? AccessRole.Read : AccessRole.Admin;
        var token = antiforgery.GetAndStoreTokens(http).RequestToken ?? "";
        return TypedResults.Ok(new SessionView(
            !access.RequiresKeys, http.User.Identity?.Name, role.Name(), role.Grants(AccessRole.Submit), role.Grants(AccessRole.Admin), token));
    }

    /// <summary>Only a path on this server: an absolute or protocol-relative address would make sign-in an open redirect.</summary>
    private static string LocalOrHome(HttpContext http, string? url) =>
        url is ['/', not '/' and not '\\', ..] || url == "/" ? url : Home(http);

    // Under the path base a proxy mounts Tuner at, like every page's links (the cookie's LoginPath is under it already).
    private static string Home(HttpContext http) => $"{http.Request.PathBase}{HomePath}";

    private static string SignIn(HttpContext http) => $"{http.Request.PathBase}{TunerAccess.SignInPath}";

    private static IResult Page(HttpContext http, IAntiforgery antiforgery, string returnUrl, string? problem, int status = StatusCodes.Status200OK)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        var message = problem is null ? "" : $"<p class=\"problem\" role=\"alert\">{WebUtility.HtmlEncode(problem)}</p>";
        var html = $$"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Sign in · Tuner</title>
            <style>
            body { font: 15px/1.5 system-ui, sans-serif; background: #f4f5f7; color: #1d2330; display: grid; place-items: center; min-height: 90vh; margin: 0; }
            form { background: #fff; padding: 2rem 2.5rem; border-radius: 8px; box-shadow: 0 1px 4px #0002; width: min(30rem, 90vw); }
            h1 { font-size: 1.3rem; margin: 0 0 1rem; } label { display: block; font-weight: 600; margin-bottom: .3rem; }
            input[type=password] { width: 100%; box-sizing: border-box; padding: .5rem; font: inherit; border: 1px solid #a8b0bd; border-radius: 4px; }
            button { margin-top: 1rem; padding: .5rem 1.2rem; font: inherit; background: #2457c5; color: #fff; border: 0; border-radius: 4px; cursor: pointer; }
            .problem { color: #a4161a; font-weight: 600; } .hint { color: #5b6474; font-size: .9rem; }
            </style></head>
            <body><form method="post" action="{{WebUtility.HtmlEncode(SignIn(http))}}">
            <h1>Sign in to Tuner</h1>{{message}}
            <label for="key">API key</label>
            <input id="key" name="key" type="password" autocomplete="current-password" required autofocus placeholder="tuner_…">
            <input type="hidden" name="returnUrl" value="{{WebUtility.HtmlEncode(returnUrl)}}">
            <input type="hidden" name="{{WebUtility.HtmlEncode(tokens.FormFieldName)}}" value="{{WebUtility.HtmlEncode(tokens.RequestToken)}}">
            <button type="submit">Sign in</button>
            <p class="hint">An admin makes keys with <code>tuner keys create NAME --role read|submit|admin</code>. A read key sees everything and changes nothing.</p>
            </form></body></html>
            """;
        return Results.Content(html, "text/html; charset=utf-8", statusCode: status);
    }
}

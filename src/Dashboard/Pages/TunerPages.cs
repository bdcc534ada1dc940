using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tuner.Dashboard.Pages;

namespace Tuner.Dashboard;

/// <summary>
/// Tuner's own pages: sweeps, a sweep, a trial, schedules and models. Each route answers the one HTML shell from the
/// assembly naming the route's script module, which (under /assets) reads the REST API and draws. The pages are left out of the OpenAPI
/// document: they are not API.
/// </summary>
public static class TunerPages
{
    public const string AssetsPath = "/assets";

    /// <summary>Maps the pages; the group returned lets the host add conventions (authorization) to all of them.</summary>
    public static RouteGroupBuilder MapTunerPages(this IEndpointRouteBuilder endpoints)
    {
        var pages = endpoints.MapGroup("").ExcludeFromDescription();
        pages.MapMethods("/", [HttpMethods.Get, HttpMethods.Head], (HttpContext context) => TypedResults.Redirect($"{context.Request.PathBase}/sweeps"));
        Shell(pages, "/sweeps", "sweeps");
        Shell(pages, "/sweeps/{id:long}", "sweep");
        Shell(pages, "/sweeps/{id:long}/trials/{number:int}", "trial");
        Shell(pages, "/schedules", "schedules");
        Shell(pages, "/schedules/{name}", "schedule");
        Shell(pages, "/models", "models");
        Shell(pages, "/models/{name}", "model");
        pages.MapMethods(AssetsPath + "/{**path}", [HttpMethods.Get, HttpMethods.Head], (string path) =>
            PageAssets.Find("assets/" + path) is { } asset ? new PageAssetResult(asset) : Results.NotFound());
        return pages;
    }

    /// <param name="page">The page's script module, <c>assets/js/{page}.js</c>.</param>
    private static void Shell(RouteGroupBuilder pages, string route, string page)
    {
        var shell = PageAssets.Find("page.html") ?? throw new InvalidOperationException("the page shell page.html is not embedded in Tuner.Dashboard");
        var asset = shell.ForPage(page);
        pages.MapMethods(route, [HttpMethods.Get, HttpMethods.Head], (HttpContext context) => new PageAssetResult(asset.UnderPathBase(context.Request.PathBase)));
    }
}

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tuner.Dashboard.Pages;

namespace Tuner.Dashboard;

/// <summary>
/// Tuner's own pages: sweeps, a sweep, a trial, schedules and models. Each route answers an HTML shell from the
/// assembly; its script module (under /assets) reads the REST API and draws. The pages are left out of the OpenAPI
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
        Shell(pages, "/sweeps", "sweeps.html");
        Shell(pages, "/sweeps/{id:long}", "sweep.html");
        Shell(pages, "/sweeps/{id:long}/trials/{number:int}", "trial.html");
        Shell(pages, "/schedules", "schedules.html");
        Shell(pages, "/schedules/{name}", "schedule.html");
        Shell(pages, "/models", "models.html");
        Shell(pages, "/models/{name}", "model.html");
        pages.MapMethods(AssetsPath + "/{**path}", [HttpMethods.Get, HttpMethods.Head], (string path) =>
            PageAssets.Find("assets/" + path) is { } asset ? new PageAssetResult(asset) : Results.NotFound());
        return pages;
    }

    private static void Shell(RouteGroupBuilder pages, string route, string file)
    {
        var asset = PageAssets.Find(file) ?? throw new InvalidOperationException($"the page {file} is not embedded in Tuner.Dashboard");
        pages.MapMethods(route, [HttpMethods.Get, HttpMethods.Head], (HttpContext context) => new PageAssetResult(asset.UnderPathBase(context.Request.PathBase)));
    }
}

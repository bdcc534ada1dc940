using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Tuner.Dashboard.Pages;

/// <summary>
/// Writes a page file: its content type, `X-Content-Type-Options: nosniff` (a browser never reads a script as anything
/// but what it is), its ETag, and 304 when the browser already has it. `Cache-Control: no-cache` makes the browser ask
/// each time, so a new `tuner` is never served stale files, yet an unchanged file costs one small 304.
/// </summary>
internal sealed class PageAssetResult(PageAsset asset) : IResult
{
    public Task ExecuteAsync(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "no-cache";
        headers.ETag = asset.ETag;
        var ifNoneMatch = context.Request.GetTypedHeaders().IfNoneMatch;
        if (ifNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Tag == asset.ETag))
        {
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }

        context.Response.ContentType = asset.ContentType;
        context.Response.ContentLength = asset.Content.Length;
        return HttpMethods.IsHead(context.Request.Method)
            ? Task.CompletedTask
            : context.Response.Body.WriteAsync(asset.Content, context.RequestAborted).AsTask();
    }
}

using Microsoft.AspNetCore.Http.HttpResults;
using Tuner.Scheduler.Api.Contracts;
using Tuner.Scheduling.Workloads;
using Tuner.Trainer.Checkpoints;
using Tuner.Trainer.Plugins;

namespace Tuner.Scheduler.Api;

/// <summary>REST endpoint for plugin bundles: the zip of a plugin's build output (or its .nupkg) goes in, its
/// <c>sha256:</c> digest comes out, to be written as a definition's <c>workload.bundle</c>.</summary>
public static class BundlesApi
{
    public static IEndpointRouteBuilder MapBundlesApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("api/bundles", UploadAsync).WithName("UploadBundle").WithTags("Bundles")
            .Accepts<byte[]>("application/zip", "application/octet-stream")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .WithSummary("Upload a plugin bundle (a zip of its build output, or a .nupkg); answers its sha256: digest")
            .DisableAntiforgery();
        return app;
    }

    public static async Task<Results<Created<BundleUploaded>, ProblemHttpResult>> UploadAsync(
        HttpRequest request, PluginBundles bundles, CancellationToken ct)
    {
        using var body = new MemoryStream();
        var buffer = new byte[1 << 16];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, ct)) > 0)
        {
            if (body.Length + read > PluginBundle.MaxBytes)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The bundle is too large",
                    detail: $"a bundle may take at most {PluginBundle.MaxBytes / (1024 * 1024)} MB; leave TorchSharp's native libraries out");
            }

            body.Write(buffer, 0, read);
        }

        var bytes = body.ToArray();
        if (bytes.Length < 4 || bytes[0] != 'P' || bytes[1] != 'K')
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The bundle is not a zip archive",
                detail: "send the zip of the plugin's build output folder, or its .nupkg, as the request body");
        }

        var digest = await bundles.UploadAsync(new PluginBundle(bytes, CheckpointDigest.Sha256Of(bytes)), ct);
        return TypedResults.Created($"/api/bundles/{digest}", new BundleUploaded(digest.ToString(), bytes.LongLength));
    }
}

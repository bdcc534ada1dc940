namespace Tuner.Scheduler.Cli;

/// <summary>The line `tuner server` and `tuner run` print once the server listens: where the API, its document, the dashboard and the pages are.</summary>
internal static class ServerUrls
{
    public static string Line(IEnumerable<string> listening)
    {
        var url = listening.FirstOrDefault()?.TrimEnd('/') ?? "(not listening)";
        return $"API: {url}/api/sweeps   docs: {url}/docs/api   OpenAPI: {url}/openapi/v1.json   Hangfire dashboard: {url}/hangfire   pages: {url}/sweeps";
    }
}

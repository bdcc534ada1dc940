namespace Tuner.Trainer.Preemption;

internal static class MetadataEndpoints
{
    /// <summary>Adds a trailing slash so relative paths append to the endpoint's path instead of replacing it.</summary>
    public static Uri AsBase(Uri endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (!endpoint.IsAbsoluteUri)
            throw new ArgumentException($"metadata endpoint must be an absolute URI, but got '{endpoint}'", nameof(endpoint));
        return endpoint.AbsoluteUri.EndsWith('/') ? endpoint : new Uri(endpoint.AbsoluteUri + "/");
    }

    /// <summary>A metadata host may be given bare ("169.254.169.254:80") or as a URL; both become a URL.</summary>
    public static Uri FromHostOrUrl(string value) =>
        value.Contains("://", StringComparison.Ordinal) ? new Uri(value) : new Uri("http://" + value);

    public static bool IsTransient(Exception error, CancellationToken ct) => error switch
    {
        HttpRequestException => true,
        OperationCanceledException => !ct.IsCancellationRequested, // HttpClient.Timeout, not the caller
        IOException => true,
        _ => false,
    };
}

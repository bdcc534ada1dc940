namespace Tuner.TestSupport.S3;

/// <summary>The fauxqs S3 emulator (an <see cref="EmulatorProcess"/>) until disposed. It keeps its buckets in memory
/// and answers GET /health when ready.</summary>
public sealed class FauxqsServer : IAsyncDisposable
{
    private readonly EmulatorProcess _process;

    private FauxqsServer(EmulatorProcess process) => _process = process;

    public string ServiceUrl => _process.ServiceUrl;

    public static async Task<FauxqsServer> StartAsync() => new(await EmulatorProcess.StartAsync("fauxqs", (start, port) =>
    {
        start.Environment["FAUXQS_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["FAUXQS_LOGGER"] = "false";
    }, "/health"));

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}

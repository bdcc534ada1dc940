using Google.Apis.Auth.OAuth2;
using Tuner.Scheduling.Capacity;
using Tuner.Capacity.Gcp;
using Tuner.Scheduler.Tests.Capacity.Gcp.Fake;
using Tuner.Core.Capacity;

namespace Tuner.Scheduler.Tests.Capacity.Gcp;

/// <summary>The real provider and HttpClient against a <see cref="FakeGceServer"/>, with a static access token.</summary>
public sealed class GcpHarness : IAsyncDisposable
{
    public static readonly string[] DefaultZones = ["us-central1-a", "us-central1-b", "us-east1-c"];
    private readonly HttpClient _http = new();

    private GcpHarness(FakeGceServer fake) => Fake = fake;

    public FakeGceServer Fake { get; }
    public GcpOptions Options { get; private set; } = null!;
    public GcpCapacityProvider Provider { get; private set; } = null!;

    public static async Task<GcpHarness> StartAsync(Func<GcpOptions, GcpOptions>? configure = null, TimeProvider? time = null,
        string accessToken = FakeGceServer.AccessToken)
    {
        var harness = new GcpHarness(await FakeGceServer.StartAsync());
        var options = new GcpOptions(harness.Fake.Project, DefaultZones, Endpoint: harness.Fake.Endpoint, PollInterval: TimeSpan.Zero);
        harness.Options = configure is null ? options : configure(options);
        harness.Provider = new GcpCapacityProvider(harness.Options, harness._http, GoogleCredential.FromAccessToken(accessToken),
            time ?? TimeProvider.System);
        return harness;
    }

    public static LaunchRequest Request(string? token = null, CapacityMarket market = CapacityMarket.Spot, int gpus = 0,
        IReadOnlyList<string>? types = null, IReadOnlyDictionary<string, string>? labels = null, string deployment = "prod") =>
        new(token ?? Guid.NewGuid().ToString(), deployment, "gpu-pool", types ?? ["n2-standard-4"], market, gpus,
            "#!/bin/bash\nexport TUNER_DATABASE_URL='Host=db;Password=s3cret'\ntuner worker\n",
            labels ?? new Dictionary<string, string>());

    /// <summary>The recorded insert calls, oldest first.</summary>
    public IReadOnlyList<FakeGceRequest> Inserts =>
        Fake.Requests.Where(r => r.Method == "POST" && r.Path.EndsWith("/instances", StringComparison.Ordinal)).ToList();

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await Fake.DisposeAsync();
    }
}

using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Tuner.Scheduler.Tests.Capacity.Gcp.Fake;

/// <summary>
/// An in-process Compute Engine REST v1 fake on 127.0.0.1 (Kestrel, free port) for one project: instances.insert/get/
/// delete with requestId idempotency, zoneOperations.wait (PENDING, RUNNING, DONE over two waits), instances
/// aggregatedList with a <c>labels.KEY=VALUE</c> filter and paging, machineTypes/acceleratorTypes get. Every call needs
/// "Authorization: Bearer test-token" and is recorded. Tests can fail inserts, preempt VMs and forget requestIds.
/// </summary>
public sealed partial class FakeGceServer : IAsyncDisposable
{
    public const string AccessToken = "test-token";
    private const string BodyKey = "fake-gce-body";
    private readonly Lock _gate = new();
    private readonly List<FakeGceRequest> _requests = [];
    private readonly SortedDictionary<string, FakeGceInstance> _instances = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FakeGceOperation> _operations = [];
    private readonly Dictionary<string, FakeGceOperation> _operationsByRequestId = [];
    private readonly Dictionary<string, Queue<FakeGceFailure>> _insertFailures = [];
    private readonly HashSet<string> _notOffered = [];
    private WebApplication _app = null!;
    private int _counter;
    private int _unauthorized;

    private FakeGceServer(string project) => Project = project;

    public string Project { get; }

    /// <summary>What TUNER_GCP_ENDPOINT is set to: http://127.0.0.1:PORT/compute/v1/.</summary>
    public Uri Endpoint { get; private set; } = null!;

    /// <summary>The most instances one aggregatedList page holds (the request's maxResults can lower it).</summary>
    public int PageSize { get; set; } = 500;

    /// <summary>Wait calls an operation needs before it is DONE (PENDING, then RUNNING until then).</summary>
    public int WaitsToFinish { get; set; } = 2;

    public int UnauthorizedRequests => Volatile.Read(ref _unauthorized);

    public IReadOnlyList<FakeGceRequest> Requests { get { lock (_gate) return _requests.ToList(); } }

    public IReadOnlyList<FakeGceInstance> Instances { get { lock (_gate) return _instances.Values.ToList(); } }

    private string ProjectUrl => $"{Endpoint}projects/{Project}/";

    public static async Task<FakeGceServer> StartAsync(string project = "tuner-test")
    {
        var server = new FakeGceServer(project);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(2));
        server._app = builder.Build();
        server.Map(server._app);
        await server._app.StartAsync();
        server.Endpoint = new Uri(new Uri(server._app.Urls.Single()), "/compute/v1/");
        return server;
    }

    /// <summary>The next <paramref name="count"/> inserts into <paramref name="zone"/> fail with <paramref name="failure"/>.</summary>
    public void FailNextInserts(string zone, int count, FakeGceFailure failure)
    {
        lock (_gate)
        {
            var queue = _insertFailures.TryGetValue(zone, out var q) ? q : _insertFailures[zone] = new Queue<FakeGceFailure>();
            for (var i = 0; i < count; i++)
                queue.Enqueue(failure);
        }
    }

    /// <summary>The zone no longer offers this machine type (collection "machineTypes") or GPU ("acceleratorTypes").</summary>
    public void StopOffering(string zone, string collection, string type)
    {
        lock (_gate)
            _notOffered.Add($"{zone}/{collection}/{type}");
    }

    /// <summary>Takes a spot VM back: TERMINATED, and with termination action DELETE gone once read in that state.</summary>
    public void Preempt(string zone, string name, bool deleted = true)
    {
        lock (_gate)
        {
            var instance = _instances[Key(zone, name)];
            instance.Status = "TERMINATED";
            instance.VanishAfterRead = deleted;
        }
    }

    /// <summary>Adds a VM directly (one Tuner did not launch through this fake, or another deployment's).</summary>
    public FakeGceInstance AddInstance(string zone, string name, string machineType, string status, IReadOnlyDictionary<string, string> labels)
    {
        var body = new JsonObject
        {
            ["name"] = name,
            ["scheduling"] = new JsonObject { ["provisioningModel"] = "SPOT" },
            ["labels"] = new JsonObject(labels.Select(l => KeyValuePair.Create(l.Key, (JsonNode?)l.Value))),
        };
        lock (_gate)
        {
            var instance = new FakeGceInstance((ulong)++_counter, zone, name, machineType, body) { Status = status };
            _instances[Key(zone, name)] = instance;
            return instance;
        }
    }

    /// <summary>The instance exists but aggregatedList does not show it yet (GCE's lists can lag behind writes).</summary>
    public void HideFromLists(string zone, string name)
    {
        lock (_gate)
            _instances[Key(zone, name)].HiddenFromLists = true;
    }

    /// <summary>As if GCE's requestId memory (about an hour) ran out: a repeated requestId is a new request.</summary>
    public void ForgetRequestIds()
    {
        lock (_gate)
            _operationsByRequestId.Clear();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static string Key(string zone, string name) => $"{zone}/{name}";

    private static JsonNode? BodyOf(HttpContext context) => context.Items[BodyKey] as JsonNode;
}

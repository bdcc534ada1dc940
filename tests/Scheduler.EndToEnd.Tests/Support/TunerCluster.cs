using System.Globalization;
using System.Text.RegularExpressions;
using System.Net.Http.Json;
using System.Text.Json;
using Tuner.Persistence.Access;
using Tuner.Scheduler.Api.Contracts;
using Tuner.TestSupport;

namespace Tuner.Scheduler.EndToEnd.Tests.Support;

/// <summary>
/// A real Tuner deployment for one test: a `tuner server` process and any number of `tuner worker` processes sharing a
/// fresh database in the test PostgreSQL cluster and a temporary checkpoint folder.
/// </summary>
public sealed class TunerCluster : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly List<TunerProcess> workers = [];
    private readonly Dictionary<string, string> environment;
    private Dictionary<string, string> workerEnvironment;
    private readonly TunerProcess server;

    private TunerCluster(string home, Dictionary<string, string> environment, TunerProcess server, HttpClient http)
    {
        Home = home;
        this.environment = environment;
        workerEnvironment = environment;
        this.server = server;
        Http = http;
    }

    public string Home { get; }

    /// <summary>The server's base URL, without a trailing slash.</summary>
    public string Url => Http.BaseAddress!.ToString().TrimEnd('/');

    public string CheckpointRoot => Path.Combine(Home, "checkpoints");

    public HttpClient Http { get; }

    public IReadOnlyList<TunerProcess> Workers => workers;

    /// <summary>The `tuner server` process.</summary>
    public TunerProcess Server => server;

    /// <param name="host">The address the server listens on; a network address (not loopback) makes it ask for API keys.</param>
    public static async Task<TunerCluster> StartAsync(
        string connectionString, IReadOnlyDictionary<string, string>? settings = null, string host = "127.0.0.1")
    {
        var home = Directory.CreateTempSubdirectory("tuner-e2e-").FullName;
        var url = $"http://{host}:{FreePort.Next()}";
        var environment = new Dictionary<string, string>
        {
            ["TUNER_HOME"] = home,
            ["TUNER_DATABASE_URL"] = connectionString,
            ["TUNER_URLS"] = url,
            ["TUNER_DATA_DIR"] = RepositoryPaths.MnistDirectory,
            ["TUNER_CHECKPOINTS"] = Path.Combine(home, "checkpoints"),
        };
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
        {
            environment[name] = value;
        }

        var server = TunerProcess.Start(environment, "server");
        var http = new HttpClient { BaseAddress = new Uri(url + "/") };
        var cluster = new TunerCluster(home, environment, server, http);
        await Eventually.GetAsync(async () =>
        {
            try
            {
                // The readiness probe answers without an API key, so a server that asks for keys is seen coming up too.
                return (await http.GetAsync("readyz")).IsSuccessStatusCode ? "up" : null;
            }
            catch (HttpRequestException)
            {
                return null;
            }
        }, TimeSpan.FromSeconds(60), "tuner server to answer", () => server.Output);
        // Workers sign in as the worker role the server made at start, as the workers it launches do; as the server
        // does, they sign in as its own user where that may not create the role.
        try
        {
            cluster.workerEnvironment = new Dictionary<string, string>(environment)
            {
                ["TUNER_DATABASE_URL"] = await WorkerDatabaseRole.EnsureAsync(connectionString, CancellationToken.None),
            };
        }
        catch (WorkerRoleUnavailableException)
        {
            // The workers keep the server's environment.
        }

        return cluster;
    }

    /// <summary>Makes an API key on this cluster's database with the real CLI (`tuner keys create`); returns the key.</summary>
    public async Task<string> CreateKeyAsync(string name, string role)
    {
        var made = await TunerCommand.RunAsync(
            new Dictionary<string, string> { ["TUNER_DATABASE_URL"] = environment["TUNER_DATABASE_URL"], ["TUNER_HOME"] = Home }, "keys", "create", name, "--role", role);
        return made.ExitCode == 0 ? made.Stdout.Trim() : throw new InvalidOperationException($"tuner keys create {name} --role {role}: {made}");
    }

    /// <summary>Sends the key with every request <see cref="Http"/> makes, as a server that asks for keys needs.</summary>
    public void UseKey(string key) => Http.DefaultRequestHeaders.Authorization = new("Bearer", key);

    /// <summary>Starts a `tuner worker` signed in as the server's worker role (docs/cloud-capacity.md, "The worker role").</summary>
    public TunerProcess StartWorker()
    {
        var worker = TunerProcess.Start(workerEnvironment, "worker");
        workers.Add(worker);
        return worker;
    }

    public string Diagnostics() =>
        $"--- server ---\n{Tail(server.Output)}\n" + string.Join('\n', workers.Select(w => $"--- worker {w.Id} ---\n{Tail(w.Output)}"));

    public async Task<HttpResponseMessage> SubmitAsync(string yaml)
    {
        using var content = new StringContent(yaml, System.Text.Encoding.UTF8, "application/yaml");
        return await Http.PostAsync("api/sweeps", content);
    }

    /// <summary>Submits <paramref name="yaml"/>, which must be accepted; returns the sweep's id.</summary>
    public async Task<long> SubmitIdAsync(string yaml) => (await ReadAsync<SweepCreated>(await SubmitAsync(yaml))).Id;

    /// <summary>Waits (2 min at most) for a one-trial sweep to complete; returns its trial, which must be Complete.</summary>
    public async Task<TrialView> OnlyTrialOnceCompletedAsync(long sweepId)
    {
        await Eventually.GetAsync(
            async () => await SweepAsync(sweepId) is { State: "Completed" } s ? s : null,
            TimeSpan.FromMinutes(2), $"sweep {sweepId} to complete", Diagnostics);
        var trial = Assert.Single(await TrialsAsync(sweepId));
        Assert.Equal("Complete", trial.State);
        return trial;
    }

    /// <summary>The kill-and-resume scenario: runs <paramref name="straightYaml"/> (a one-trial sweep) to completion on
    /// one worker, then runs <paramref name="interruptedYaml"/> (the same trial under another name), kills that worker with
    /// SIGKILL once the trial has a checkpoint at epoch <paramref name="killAfterEpoch"/> or later, starts a fresh worker
    /// and waits for the trial to complete. Waiting for the checkpoint, not the report, matters: a trial reports an epoch
    /// before it saves that epoch's checkpoint, so a kill right after the report resumes from the epoch before.</summary>
    public async Task<(TrialView Straight, TrialView Resumed)> RunStraightThenKilledAsync(
        string straightYaml, string interruptedYaml, int killAfterEpoch = 2)
    {
        var worker = StartWorker();
        var straight = await OnlyTrialOnceCompletedAsync(await SubmitIdAsync(straightYaml));

        var interrupted = await SubmitIdAsync(interruptedYaml);
        await Eventually.GetAsync(
            async () => (await TrialsAsync(interrupted)) is [var trial] && trial.Checkpoints.Any(uri => CheckpointEpoch(uri) >= killAfterEpoch)
                ? "checkpointed" : null,
            TimeSpan.FromMinutes(1), $"the trial to checkpoint epoch {killAfterEpoch}", Diagnostics);
        worker.Kill();
        StartWorker();
        return (straight, await OnlyTrialOnceCompletedAsync(interrupted));
    }

    /// <summary>The epoch in a checkpoint's key ("…/epoch-0002-batch-000000-lease-….ckpt" is 2).</summary>
    private static int CheckpointEpoch(string uri) =>
        int.Parse(Regex.Match(uri, @"epoch-(\d+)").Groups[1].ValueSpan, CultureInfo.InvariantCulture);

    public async Task<SweepDetails> SweepAsync(long id) =>
        (await Http.GetFromJsonAsync<SweepDetails>($"api/sweeps/{id}", Json))!;

    /// <summary>Every trial of the sweep, following the pages of GET /api/sweeps/{id}/trials.</summary>
    public async Task<IReadOnlyList<TrialView>> TrialsAsync(long id)
    {
        var trials = new List<TrialView>();
        long? after = null;
        do
        {
            var page = (await Http.GetFromJsonAsync<Page<TrialView>>(after is { } cursor ? $"api/sweeps/{id}/trials?after={cursor}" : $"api/sweeps/{id}/trials", Json))!;
            trials.AddRange(page.Items);
            after = page.Next;
        }
        while (after is not null);

        return trials;
    }

    public static async Task<T> ReadAsync<T>(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<T>(Json))!;

    private static string Tail(string text) => text.Length > 6000 ? text[^6000..] : text;

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        foreach (var worker in workers)
        {
            await worker.DisposeAsync();
        }

        await server.DisposeAsync();
        try
        {
            Directory.Delete(Home, recursive: true);
        }
        catch (IOException)
        {
            // A checkpoint written by a process that just died; the temp folder is cleaned by the OS.
        }
    }
}

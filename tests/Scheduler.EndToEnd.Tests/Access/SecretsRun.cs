using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Npgsql;
using Tuner.Scheduler.Api.Contracts;
using Tuner.Scheduler.EndToEnd.Tests.Support;
using Tuner.TestSupport;
using Tuner.TestSupport.Postgres;
using Tuner.TestSupport.Sweeps;

namespace Tuner.Scheduler.EndToEnd.Tests.Access;

/// <summary>
/// One sweep run with known secrets in use, and everything it showed afterwards. A real `tuner server --verbose` that
/// asks for API keys, signs in to PostgreSQL with a password, sends signed webhooks and launches cloud workers on a
/// stand-in for EC2 (with AWS credentials in its environment); a `tuner worker --verbose` started by hand and one the
/// server starts itself. It runs a synthetic sweep to completion (a budget alert makes a webhook delivery), a command
/// sweep whose trial fails, and a cloud sweep whose launch the stand-in refuses.
/// </summary>
public sealed partial class SecretsRun
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private const string SyntheticSweep = """
        name: secrets-synthetic
        workload: { kind: synthetic, max_epochs: 3, function: branin, step_seconds: 0.3 }
        objective: { metric: val_loss }
        space: { x0: { type: float, low: -5, high: 10 }, x1: { type: float, low: 0, high: 15 } }
        sampler: { kind: random, seed: 13 }
        pruner: { kind: none }
        budget: { max_trials: 4, parallelism: 2, max_cost_usd: 500, alert_thresholds: [1] }
        checkpoints: { every_epochs: 1 }
        """;

    private const string FailingSweep = """
        name: secrets-failing
        workload:
          kind: command
          max_epochs: 2
          command: [/bin/sh, -c, 'echo "the training data could not be read" >&2; exit 3']
        objective: { metric: val_loss, direction: minimize }
        space: { x: { type: float, low: 0, high: 1 } }
        sampler: { kind: random, seed: 3 }
        pruner: { kind: none }
        budget: { max_trials: 1, parallelism: 1, max_attempts: 1 }
        """;

    private SecretsRun(KnownSecrets secrets) => Secrets = secrets;

    public KnownSecrets Secrets { get; }

    /// <summary>What a user, an operator or a receiver can see: where, and the text.</summary>
    public List<(string Where, string Text)> Shown { get; } = [];

    /// <summary>The start-up scripts of the cloud workers the server asked EC2 to launch.</summary>
    public IReadOnlyList<string> CloudUserData { get; private set; } = [];

    public static async Task<SecretsRun> RunAsync(PostgresServerFixture postgres)
    {
        var run = new SecretsRun(new KnownSecrets());
        await run.RunAndCollectAsync(postgres);
        return run;
    }

    private async Task RunAndCollectAsync(PostgresServerFixture postgres)
    {
        var secrets = Secrets;
        var database = await PasswordDatabase.CreateAsync(postgres, "secrets_owner", secrets.DatabasePassword);
        using var webhooks = new RecordingServer();
        using var ec2 = new Ec2LaunchRecorder();
        var home = Directory.CreateTempSubdirectory("tuner-secrets-").FullName;
        var url = $"http://127.0.0.1:{FreePort.Next()}";
        var local = new Dictionary<string, string>
        {
            ["TUNER_HOME"] = home,
            ["TUNER_DATABASE_URL"] = database,
            ["TUNER_URLS"] = url,
            ["TUNER_AUTH"] = "keys",
            ["TUNER_DATA_DIR"] = RepositoryPaths.MnistDirectory,
            ["TUNER_CHECKPOINTS"] = Path.Combine(home, "checkpoints"),
            ["TUNER_LOCAL_MAX_WORKERS"] = "1",
            ["TUNER_COST__LOCAL_HOURLY_USD"] = "10000",
            ["TUNER_WEBHOOK__URLS"] = new Uri(webhooks.Url, "hooks/tuner").ToString(),
            ["TUNER_WEBHOOK__SECRET"] = secrets.WebhookSecret,
            ["AWS_ACCESS_KEY_ID"] = secrets.AwsAccessKeyId,
            ["AWS_SECRET_ACCESS_KEY"] = secrets.AwsSecretAccessKey,
        };

        // Cloud workers need checkpoints in object storage, which the local trials have none of here: a second server,
        // started once the local sweeps are done, has the S3 checkpoint root and the EC2 settings, and launches alone.
        var cloud = new Dictionary<string, string>(local)
        {
            ["TUNER_CHECKPOINTS"] = "s3://secrets-test/checkpoints",
            ["TUNER_S3_ENDPOINT"] = $"http://127.0.0.1:{FreePort.Next()}",
            ["TUNER_LOCAL_MAX_WORKERS"] = "0",
            ["TUNER_AWS_REGION"] = "us-east-1",
            ["TUNER_AWS_IMAGE_ID"] = "ami-0123456789abcdef0",
            ["TUNER_AWS_SUBNET_IDS"] = "subnet-0123456789abcdef0",
            ["TUNER_AWS_LAUNCH_API"] = "run-instances",
            ["TUNER_AWS_ENDPOINT"] = ec2.Url.ToString(),
            ["TUNER_WORKER_IMAGE"] = "tuner-worker:secrets-test",
        };

        using var http = new HttpClient { BaseAddress = new Uri(url + "/") };
        try
        {
            var key = await RunLocalSweepsAsync(local, home, http, webhooks);
            await using var server = TunerProcess.Start(cloud, "server", "--verbose");
            await WaitForServerAsync(http, server);
            await SubmitAsync(http, CloudSweeps.Aws(maxInstances: 1));
            await Eventually.GetAsync(() => Task.FromResult(ec2.UserData.Count > 0 ? "asked" : null),
                TimeSpan.FromSeconds(90), "a launch request to the EC2 stand-in", () => Tail(server.Output));

            var sweeps = (await http.GetFromJsonAsync<Page<SweepSummary>>("api/sweeps", Json))!.Items.Select(s => s.Id).ToArray();
            Assert.Equal(3, sweeps.Length);
            await CollectApiAsync(http, sweeps);
            await CollectPagesAsync(http, sweeps.Min());
            await CollectCliAsync(url, key, sweeps.Min());
            await CollectDatabaseAsync(database);
            Shown.Add(("process command lines, with the cloud server running", ProcessCommandLines()));
            Shown.AddRange(ec2.RequestTexts.Select((text, i) => ($"EC2 request {i} (but its user-data)", text)));
            CloudUserData = ec2.UserData;
            server.Terminate();
            await server.WaitForExitAsync(TimeSpan.FromSeconds(30));
            Shown.Add(("the cloud tuner server --verbose output", server.Output));
            CollectHome(home);
        }
        finally
        {
            TryDelete(home);
        }
    }

    /// <summary>The first server and a worker: the synthetic sweep to completion (its budget alert delivered), the
    /// failing one to its failed trial. Returns the admin key made for the run.</summary>
    private async Task<string> RunLocalSweepsAsync(Dictionary<string, string> environment, string home, HttpClient http, RecordingServer webhooks)
    {
        await using var server = TunerProcess.Start(environment, "server", "--verbose");
        await using var worker = TunerProcess.Start(environment, "worker", "--verbose");
        string Diagnostics() => $"--- server ---\n{Tail(server.Output)}\n--- worker ---\n{Tail(worker.Output)}";
        await WaitForServerAsync(http, server);
        var keyCommand = await TunerCommand.RunAsync(
            new Dictionary<string, string> { ["TUNER_DATABASE_URL"] = environment["TUNER_DATABASE_URL"], ["TUNER_HOME"] = home },
            "keys", "create", "secrets-admin", "--role", "admin");
        Assert.True(keyCommand.ExitCode == 0, keyCommand.ToString());
        var key = keyCommand.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];
        Assert.True(KeyShape().IsMatch(key), keyCommand.ToString());
        Secrets.AddApiKey(key);
        using (var anonymous = new HttpClient())
        {
            Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await anonymous.GetAsync(new Uri(http.BaseAddress!, "api/sweeps"))).StatusCode);
        }

        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        var synthetic = await SubmitAsync(http, SyntheticSweep);
        var failing = await SubmitAsync(http, FailingSweep);
        foreach (var id in new[] { synthetic, failing })
        {
            await Eventually.GetAsync(async () => (await http.GetFromJsonAsync<SweepDetails>($"api/sweeps/{id}", Json))! is { State: "Completed" } s ? s : null,
                TimeSpan.FromMinutes(3), $"sweep {id} to complete", Diagnostics);
        }

        await Eventually.GetAsync(() => Task.FromResult(webhooks.Received.Count > 0 ? "delivered" : null),
            TimeSpan.FromSeconds(60), "a budget alert's webhook", Diagnostics);
        var failedTrial = Assert.Single((await http.GetFromJsonAsync<Page<TrialView>>($"api/sweeps/{failing}/trials", Json))!.Items);
        Assert.Equal("Failed", failedTrial.State);
        Assert.Contains("the training data could not be read", failedTrial.Error);
        var trials = (await http.GetFromJsonAsync<Page<TrialView>>($"api/sweeps/{synthetic}/trials", Json))!.Items;
        Assert.Equal(4, trials.Count(t => t.State == "Complete"));
        foreach (var (received, i) in webhooks.Received.Select((r, i) => (r, i)))
        {
            Assert.StartsWith("sha256=", received.Headers["X-Tuner-Signature-256"], StringComparison.Ordinal);
            Shown.Add(($"webhook {i} headers", string.Join('\n', received.Headers.Select(h => $"{h.Key}: {h.Value}"))));
            Shown.Add(($"webhook {i} body", received.Body));
        }

        Shown.Add(("GET /metrics of the first server", await GetAsync(http, "metrics")));
        var commandLines = ProcessCommandLines();
        Assert.Contains("worker --verbose", commandLines, StringComparison.Ordinal);
        Shown.Add(("process command lines, with the first server's workers running", commandLines));
        server.Terminate();
        worker.Terminate();
        await server.WaitForExitAsync(TimeSpan.FromSeconds(30));
        await worker.WaitForExitAsync(TimeSpan.FromSeconds(30));
        Shown.Add(("tuner server --verbose output", server.Output));
        Shown.Add(("tuner worker --verbose output", worker.Output));
        return key;
    }

    private static Task WaitForServerAsync(HttpClient http, TunerProcess server) => Eventually.GetAsync(async () =>
    {
        if (server.HasExited)
        {
            throw new InvalidOperationException($"tuner server exited with {server.ExitCode}:\n{server.Output}");
        }

        try
        {
            // The readiness probe answers without a key.
            using var anonymous = new HttpClient();
            return (await anonymous.GetAsync(new Uri(http.BaseAddress!, "readyz"))).IsSuccessStatusCode ? "up" : null;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }, TimeSpan.FromSeconds(60), "tuner server to answer", () => server.Output);

    private static async Task<long> SubmitAsync(HttpClient http, string yaml)
    {
        using var content = new StringContent(yaml, Encoding.UTF8, "application/yaml");
        using var response = await http.PostAsync("api/sweeps", content);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<SweepCreated>(Json))!.Id;
    }

    /// <summary>Every GET operation of the OpenAPI document, once for each sweep, with trial 1 and a schedule and model
    /// name filled in; /metrics and the document itself.</summary>
    private async Task CollectApiAsync(HttpClient http, long[] sweeps)
    {
        var document = await http.GetStringAsync("openapi/v1.json");
        using var openApi = JsonDocument.Parse(document);
        var paths = openApi.RootElement.GetProperty("paths").EnumerateObject()
            .Where(path => path.Value.TryGetProperty("get", out _)).Select(path => path.Name).ToList();
        Assert.Contains("/api/sweeps/{id}/events", paths);
        Assert.Contains("/api/session", paths);
        var urls = new SortedSet<string>(StringComparer.Ordinal) { "metrics", "healthz", "readyz", "signin" };
        foreach (var path in paths)
        {
            foreach (var sweep in path.Contains("{id}", StringComparison.Ordinal) ? sweeps : [0])
            {
                urls.Add(path.TrimStart('/')
                    .Replace("{id}", sweep.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                    .Replace("{number}", "1", StringComparison.Ordinal)
                    .Replace("{name}", "nightly", StringComparison.Ordinal));
            }
        }

        Assert.DoesNotContain(urls, u => u.Contains('{', StringComparison.Ordinal));
        Shown.Add(("GET /openapi/v1.json", document));
        foreach (var path in urls)
        {
            Shown.Add(($"GET /{path}", await GetAsync(http, path)));
        }
    }

    /// <summary>Tuner's pages and the Hangfire dashboard's, with every script, style sheet and job-details page they link.</summary>
    private async Task CollectPagesAsync(HttpClient http, long sweep)
    {
        string[] starts =
        [
            "sweeps", $"sweeps/{sweep}", $"sweeps/{sweep}/trials/1", "schedules", "models",
            "hangfire", "hangfire/jobs/enqueued", "hangfire/jobs/processing", "hangfire/jobs/scheduled", "hangfire/jobs/succeeded",
            "hangfire/jobs/failed", "hangfire/jobs/deleted", "hangfire/jobs/awaiting", "hangfire/retries", "hangfire/recurring", "hangfire/servers",
        ];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>(starts);
        var jobDetails = 0;
        while (queue.TryDequeue(out var path) && seen.Count < 200)
        {
            if (!seen.Add(path))
            {
                continue;
            }

            var text = await GetAsync(http, path);
            Shown.Add(($"GET /{path}", text));
            jobDetails += path.StartsWith("hangfire/jobs/details/", StringComparison.Ordinal) ? 1 : 0;
            // Tuner's pages name their assets relative to <base href="/">, scripts import each other relative to themselves.
            var page = new Uri(http.BaseAddress!, text.Contains("<base href=\"/\">", StringComparison.Ordinal) ? "" : path);
            foreach (Match link in Linked().Matches(text))
            {
                if (!Uri.TryCreate(page, link.Groups["path"].Value, out var resolved) || resolved.Authority != http.BaseAddress!.Authority)
                {
                    continue;
                }

                var target = resolved.AbsolutePath.TrimStart('/');
                if (target.StartsWith("hangfire/jobs/details/", StringComparison.Ordinal) || target.EndsWith(".js", StringComparison.Ordinal)
                    || target.EndsWith(".css", StringComparison.Ordinal) || target.StartsWith("hangfire/js", StringComparison.Ordinal)
                    || target.StartsWith("hangfire/css", StringComparison.Ordinal))
                {
                    queue.Enqueue(target);
                }
            }
        }

        Assert.True(jobDetails > 0, "the Hangfire pages linked no job's details");
        Assert.Contains(seen, p => p.EndsWith(".js", StringComparison.Ordinal) && !p.StartsWith("hangfire", StringComparison.Ordinal));
    }

    private async Task CollectCliAsync(string url, string key, long sweep)
    {
        var client = new Dictionary<string, string> { ["TUNER_SERVER"] = url, ["TUNER_API_KEY"] = key };
        var id = sweep.ToString(CultureInfo.InvariantCulture);
        foreach (var arguments in new[] { ["status"], ["status", id], ["cost", id], new[] { "export", id } })
        {
            var result = await TunerCommand.RunAsync(client, arguments);
            Assert.True(result.ExitCode == 0, result.ToString());
            Shown.Add(($"tuner {string.Join(' ', arguments)}", result.Stdout + result.Stderr));
        }
    }

    /// <summary>Every row of every table (sweep events, trial errors, Hangfire's jobs, states and servers), as text.</summary>
    private async Task CollectDatabaseAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
            "SELECT format('%I.%I', table_schema, table_name) FROM information_schema.tables WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')",
            connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        Assert.Contains(tables, t => t.Contains("sweep_events", StringComparison.Ordinal));
        foreach (var table in tables)
        {
            // The table name comes from the catalogue, quoted by format('%I').
            await using var rows = new NpgsqlCommand($"SELECT t::text FROM {table} t LIMIT 20000", connection);
            await using var reader = await rows.ExecuteReaderAsync();
            var text = new StringBuilder();
            while (await reader.ReadAsync())
            {
                text.AppendLine(reader.GetString(0));
            }

            Shown.Add(($"database table {table}", text.ToString()));
        }
    }

    /// <summary>The files under TUNER_HOME but checkpoints: the server-started worker's log, and anything else left there.</summary>
    private void CollectHome(string home)
    {
        var files = Directory.EnumerateFiles(home, "*", SearchOption.AllDirectories)
            .Where(f => !f.StartsWith(Path.Combine(home, "checkpoints"), StringComparison.Ordinal)).ToList();
        Assert.Contains(files, f => f.EndsWith(".log", StringComparison.Ordinal));
        foreach (var file in files)
        {
            Shown.Add(($"file {Path.GetRelativePath(home, file)}", File.ReadAllText(file, Encoding.Latin1)));
        }
    }

    /// <summary>Every process's command line, which any user of the machine can read (ps).</summary>
    private static string ProcessCommandLines()
    {
        var lines = new StringBuilder();
        foreach (var folder in Directory.EnumerateDirectories("/proc").Where(d => Path.GetFileName(d).All(char.IsAsciiDigit)))
        {
            try
            {
                lines.AppendLine(File.ReadAllText(Path.Combine(folder, "cmdline")).Replace('\0', ' '));
            }
            catch (IOException)
            {
                // The process ended while the list was read.
            }
        }

        return lines.ToString();
    }

    private static async Task<string> GetAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var headers = string.Join('\n', response.Headers.Concat(response.Content.Headers).Select(h => $"{h.Key}: {string.Join(", ", h.Value)}"));
        return $"{(int)response.StatusCode}\n{headers}\n\n{Encoding.UTF8.GetString(bytes)}";
    }

    private static string Tail(string text) => text.Length > 6000 ? text[^6000..] : text;

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A file written by a process that just died; the temporary folder is the OS's to clean.
        }
    }

    [GeneratedRegex("^tuner_[a-z2-7]{12}_[A-Za-z0-9_-]{43}$")]
    private static partial Regex KeyShape();

    [GeneratedRegex("""(?:(?:href|src)\s*=\s*["'](?<path>[^"'#]+)["'])|(?:(?:from|import)\s*\(?\s*["'](?<path>\.{1,2}/[^"']+)["'])""")]
    private static partial Regex Linked();
}

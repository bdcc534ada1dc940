using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tuner.Scheduler.Api.Contracts;
using Tuner.Scheduler.Cli.Failures;
using Tuner.Core.Workloads;
using Tuner.Trainer.Plugins;

namespace Tuner.Scheduler.Cli;

/// <summary>
/// The CLI's client for a running `tuner server`. Every failure is a <see cref="CliFailure"/> that says what went wrong
/// and what to do: unreachable server (3), no such sweep (2), a refused request (4), a server error (5).
/// </summary>
internal sealed class TunerApiClient(ServerAddress server) : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly HttpClient http = Http(server);

    private static HttpClient Http(ServerAddress server)
    {
        var http = new HttpClient { BaseAddress = new Uri(server + "/"), Timeout = Timeout };
        if (server.ApiKey is { } key)
            http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        return http;
    }

    public async Task<SweepCreated> SubmitAsync(string text, bool json, string fileName, CancellationToken ct)
    {
        using var content = new StringContent(text, System.Text.Encoding.UTF8, json ? "application/json" : "application/yaml");
        using var response = await SendAsync(c => http.PostAsync("api/sweeps", content, c), ct);
        if (response.StatusCode == HttpStatusCode.BadRequest)
        {
            var problem = await ApiProblem.ReadAsync(response, ct);
            throw new CliFailure(ExitCodes.BadInput, $"{fileName} was rejected by the server: {problem.Summary}", problem.Errors);
        }

        return await ReadAsync<SweepCreated>(response, "submitting the sweep", ct);
    }

    /// <summary>Uploads a plugin bundle; answers the digest the definition names it by.</summary>
    public async Task<BundleDigest> UploadBundleAsync(PluginBundle bundle, CancellationToken ct)
    {
        using var content = new ByteArrayContent(bundle.Bytes);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/zip");
        using var response = await SendAsync(c => http.PostAsync("api/bundles", content, c), ct);
        var uploaded = await ReadAsync<BundleUploaded>(response, "uploading the plugin bundle", ct);
        return BundleDigest.TryParse(uploaded.Bundle, out var digest) && digest.Hex == bundle.Sha256
            ? digest
            : throw new CliFailure(ExitCodes.ServerFailed, $"the server stored the bundle as {uploaded.Bundle}, but its SHA-256 is sha256:{bundle.Sha256}");
    }

    /// <summary>Every sweep, newest first, following the pages' cursors.</summary>
    public async Task<IReadOnlyList<SweepSummary>> ListAsync(CancellationToken ct)
    {
        var sweeps = new List<SweepSummary>();
        long? after = null;
        do
        {
            var path = after is { } cursor ? $"api/sweeps?after={cursor}" : "api/sweeps";
            using var response = await SendAsync(c => http.GetAsync(path, c), ct);
            var page = await ReadAsync<Page<SweepSummary>>(response, "listing sweeps", ct);
            sweeps.AddRange(page.Items);
            after = page.Next;
        }
        while (after is not null);

        return sweeps;
    }

    public async Task<SweepDetails> GetAsync(long id, CancellationToken ct)
    {
        using var response = await SendAsync(c => http.GetAsync($"api/sweeps/{id}", c), ct);
        return await ReadSweepAsync(response, id, $"reading sweep {id}", ct);
    }

    /// <summary>Asks the server to cancel the sweep; returns it as it is now (Cancelling), or null when the answer has no body.</summary>
    public async Task<SweepDetails?> CancelAsync(long id, CancellationToken ct)
    {
        using var response = await SendAsync(c => http.PostAsync($"api/sweeps/{id}/cancel", null, c), ct);
        if (response.IsSuccessStatusCode && response.Content.Headers.ContentLength == 0)
        {
            return null;
        }

        return await ReadSweepAsync(response, id, $"cancelling sweep {id}", ct);
    }

    /// <summary>The sweep's cost report (GET /api/sweeps/{id}/cost).</summary>
    public async Task<SweepCostReport> CostAsync(long id, CancellationToken ct)
    {
        using var response = await SendAsync(c => http.GetAsync($"api/sweeps/{id}/cost", c), ct);
        await ThrowIfNoSweepAsync(response, id, ct);
        return await ReadAsync<SweepCostReport>(response, $"reading the cost of sweep {id}", ct);
    }

    /// <summary>Sets the sweep's spending limit, its max_trials or both (PATCH /api/sweeps/{id}); returns the sweep as it is now.</summary>
    public async Task<SweepDetails> SetBudgetAsync(long id, decimal? maxCostUsd, int? maxTrials, CancellationToken ct)
    {
        using var content = JsonContent.Create(new SweepUpdate(maxCostUsd, maxTrials), options: Json);
        using var response = await SendAsync(c => http.PatchAsync($"api/sweeps/{id}", content, c), ct);
        return await ReadSweepAsync(response, id, $"changing the budget of sweep {id}", ct);
    }

    /// <summary>Downloads a trial's checkpoint (GET /api/sweeps/{id}/trials/{number}/checkpoint) into
    /// <paramref name="destination"/>; returns the file name the server gives it.</summary>
    public Task<string> DownloadCheckpointAsync(long id, int number, int? epoch, Func<string, Task<Stream>> destination, CancellationToken ct) =>
        DownloadAsync($"api/sweeps/{id}/trials/{number}/checkpoint" + (epoch is { } e ? $"?epoch={e}" : ""),
            $"`tuner status` lists the sweeps there, `tuner status {id}` a sweep's best trial",
            $"downloading the checkpoint of trial {number} of sweep {id}", destination, ct);

    /// <summary>Downloads every trial of the sweep as CSV or JSON (GET /api/sweeps/{id}/export?format=).</summary>
    public Task<string> ExportAsync(long id, string format, Func<string, Task<Stream>> destination, CancellationToken ct) =>
        DownloadAsync($"api/sweeps/{id}/export?format={format}", "`tuner status` lists the sweeps there", $"exporting sweep {id}", destination, ct);

    /// <summary>Downloads a model's champion's checkpoint (GET /api/models/{name}/champion/checkpoint).</summary>
    public Task<string> DownloadChampionAsync(string name, Func<string, Task<Stream>> destination, CancellationToken ct) =>
        DownloadAsync($"api/models/{Uri.EscapeDataString(name)}/champion/checkpoint", "`tuner model list` lists the models there",
            $"downloading the champion of model {name}", destination, ct);

    private async Task<string> DownloadAsync(string path, string whereToLook, string doing, Func<string, Task<Stream>> destination, CancellationToken ct)
    {
        using var response = await SendAsync(c => http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, c), ct);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            var problem = await ApiProblem.ReadAsync(response, ct);
            throw new CliFailure(ExitCodes.NotFound, $"{problem.Summary} (at {server}); {whereToLook}");
        }

        if (!response.IsSuccessStatusCode) await ReadAsync<object>(response, doing, ct);
        var name = response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"')
            ?? "checkpoint.ckpt";
        await using var body = await response.Content.ReadAsStreamAsync(ct);
        await using var file = await destination(Path.GetFileName(name));
        await body.CopyToAsync(file, ct);
        return name;
    }

    public async Task<ScheduleView> CreateScheduleAsync(ScheduleCreate schedule, string fileName, CancellationToken ct)
    {
        using var content = JsonContent.Create(schedule, options: Json);
        using var response = await SendAsync(c => http.PostAsync("api/schedules", content, c), ct);
        if (response.StatusCode == HttpStatusCode.BadRequest)
        {
            var problem = await ApiProblem.ReadAsync(response, ct);
            throw new CliFailure(ExitCodes.BadInput, $"the schedule (template {fileName}) was rejected by the server: {problem.Summary}", problem.Errors);
        }

        return await ReadAsync<ScheduleView>(response, "creating the schedule", ct);
    }

    public async Task<IReadOnlyList<ScheduleView>> SchedulesAsync(CancellationToken ct)
    {
        using var response = await SendAsync(c => http.GetAsync("api/schedules", c), ct);
        return await ReadAsync<List<ScheduleView>>(response, "listing schedules", ct);
    }

    public async Task<ScheduleView> ScheduleAsync(string name, CancellationToken ct)
    {
        using var response = await SendAsync(c => http.GetAsync($"api/schedules/{Uri.EscapeDataString(name)}", c), ct);
        await ThrowIfNoScheduleAsync(response, name, ct);
        return await ReadAsync<ScheduleView>(response, $"reading schedule {name}", ct);
    }

    public async Task<ScheduleView> ChangeScheduleAsync(string name, ScheduleChange change, string doing, CancellationToken ct)
    {
        using var content = JsonContent.Create(change, options: Json);
        using var response = await SendAsync(c => http.PatchAsync($"api/schedules/{Uri.EscapeDataString(name)}", content, c), ct);
        await ThrowIfNoScheduleAsync(response, name, ct);
        if (response.StatusCode == HttpStatusCode.BadRequest)
        {
            var problem = await ApiProblem.ReadAsync(response, ct);
            throw new CliFailure(ExitCodes.BadInput, $"{doing} was rejected by the server: {problem.Summary}", problem.Errors);
        }

        return await ReadAsync<ScheduleView>(response, doing, ct);
    }

    public async Task<IReadOnlyList<ModelSummary>> ModelsAsync(CancellationToken ct)
    {
        using var response = await SendAsync(c => http.GetAsync("api/models", c), ct);
        return await ReadAsync<List<ModelSummary>>(response, "listing models", ct);
    }

    public async Task<ModelView> ModelAsync(string name, CancellationToken ct)
    {
        using var response = await SendAsync(c => http.GetAsync($"api/models/{Uri.EscapeDataString(name)}", c), ct);
        await ThrowIfNotFoundAsync(response, "`tuner model list` lists the models there", ct);
        return await ReadAsync<ModelView>(response, $"reading model {name}", ct);
    }

    public async Task<ChampionView> ChampionAsync(string name, CancellationToken ct)
    {
        using var response = await SendAsync(c => http.GetAsync($"api/models/{Uri.EscapeDataString(name)}/champion", c), ct);
        await ThrowIfNotFoundAsync(response, $"`tuner model show {name}` shows its decisions", ct);
        return await ReadAsync<ChampionView>(response, $"reading the champion of model {name}", ct);
    }

    /// <summary>POST /api/models/{name}/{action} (approve, promote, rollback) with <paramref name="body"/>.</summary>
    public async Task<DecisionView> DecideAsync(string name, string action, object body, string doing, CancellationToken ct)
    {
        using var content = JsonContent.Create(body, body.GetType(), options: Json);
        using var response = await SendAsync(c => http.PostAsync($"api/models/{Uri.EscapeDataString(name)}/{action}", content, c), ct);
        await ThrowIfNotFoundAsync(response, "`tuner model list` lists the models there", ct);
        return await ReadAsync<DecisionView>(response, doing, ct);
    }

    private async Task ThrowIfNotFoundAsync(HttpResponseMessage response, string whereToLook, CancellationToken ct)
    {
        if (response.StatusCode != HttpStatusCode.NotFound) return;
        var problem = await ApiProblem.ReadAsync(response, ct);
        throw new CliFailure(ExitCodes.NotFound, $"{problem.Summary} (at {server}); {whereToLook}");
    }

    public async Task DeleteScheduleAsync(string name, CancellationToken ct)
    {
        using var response = await SendAsync(c => http.DeleteAsync($"api/schedules/{Uri.EscapeDataString(name)}", c), ct);
        await ThrowIfNoScheduleAsync(response, name, ct);
        if (!response.IsSuccessStatusCode) await ReadAsync<object>(response, $"deleting schedule {name}", ct);
    }

    public async Task<ScheduleRunView> TriggerScheduleAsync(string name, CancellationToken ct)
    {
        using var response = await SendAsync(c => http.PostAsync($"api/schedules/{Uri.EscapeDataString(name)}/trigger", null, c), ct);
        await ThrowIfNoScheduleAsync(response, name, ct);
        return await ReadAsync<ScheduleRunView>(response, $"triggering schedule {name}", ct);
    }

    private async Task ThrowIfNoScheduleAsync(HttpResponseMessage response, string name, CancellationToken ct)
    {
        if (response.StatusCode != HttpStatusCode.NotFound) return;
        var problem = await ApiProblem.ReadAsync(response, ct);
        throw new CliFailure(ExitCodes.NotFound, $"no schedule '{name}' at {server} ({problem.Summary}); `tuner schedule list` lists the schedules there");
    }

    private async Task ThrowIfNoSweepAsync(HttpResponseMessage response, long id, CancellationToken ct)
    {
        if (response.StatusCode != HttpStatusCode.NotFound) return;
        var problem = await ApiProblem.ReadAsync(response, ct);
        throw new CliFailure(ExitCodes.NotFound, $"no sweep {id} at {server} ({problem.Summary}); `tuner status` lists the sweeps there");
    }

    private async Task<SweepDetails> ReadSweepAsync(HttpResponseMessage response, long id, string doing, CancellationToken ct)
    {
        await ThrowIfNoSweepAsync(response, id, ct);
        return await ReadAsync<SweepDetails>(response, doing, ct);
    }

    private async Task<HttpResponseMessage> SendAsync(Func<CancellationToken, Task<HttpResponseMessage>> send, CancellationToken ct)
    {
        HttpResponseMessage response;
        try
        {
            response = await send(ct);
        }
        catch (HttpRequestException e)
        {
            throw new CliFailure(ExitCodes.ServerUnreachable,
                $"no Tuner server answers at {server} (from {server.Source}): {e.Message}; start one with `tuner server`, " +
                "or point --server or TUNER_SERVER at a running one", inner: e);
        }
        catch (TaskCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw new CliFailure(ExitCodes.ServerUnreachable,
                $"the Tuner server at {server} (from {server.Source}) did not answer within {Timeout.TotalSeconds:0}s; " +
                "check that it is up and not overloaded, or point --server or TUNER_SERVER at another one", inner: e);
        }

        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            using (response)
            {
                throw new CliFailure(ExitCodes.NotAllowed, response.StatusCode == HttpStatusCode.Forbidden
                    ? $"the server at {server} refused the request: {(await ApiProblem.ReadAsync(response, ct)).Summary}"
                    : server.ApiKey is null
                        ? $"the server at {server} asks for an API key: set TUNER_API_KEY to a key from `tuner keys create NAME --role submit`"
                        : $"the server at {server} does not accept TUNER_API_KEY: the key was revoked, mistyped, or made for another Tuner database");
            }
        }

        return response;
    }

    /// <summary>The sweep's first events (the API's first page of them).</summary>
    public async Task<IReadOnlyList<SweepEventView>> EventsAsync(long id, CancellationToken ct)
    {
        using var response = await SendAsync(c => http.GetAsync($"api/sweeps/{id}/events", c), ct);
        return await ReadAsync<IReadOnlyList<SweepEventView>>(response, $"reading the events of sweep {id}", ct);
    }

    private async Task<T> ReadAsync<T>(HttpResponseMessage response, string doing, CancellationToken ct)
    {
        if (!response.IsSuccessStatusCode)
        {
            var problem = await ApiProblem.ReadAsync(response, ct);
            var (code, advice) = (int)response.StatusCode >= 500
                ? (ExitCodes.ServerFailed, "the server's log says more")
                : (ExitCodes.Refused, "the request was not applied");
            throw new CliFailure(code, $"{doing} failed at {server}: {problem.Summary}; {advice}", problem.Errors);
        }

        try
        {
            return await response.Content.ReadFromJsonAsync<T>(Json, ct)
                ?? throw new JsonException("the body is empty");
        }
        catch (JsonException e)
        {
            throw new CliFailure(ExitCodes.ServerFailed,
                $"{doing}: the answer from {server} is not a Tuner API response ({e.Message}); check that --server or TUNER_SERVER points at a `tuner server`",
                inner: e);
        }
    }

    public void Dispose() => http.Dispose();
}

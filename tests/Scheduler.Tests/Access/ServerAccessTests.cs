using System.Net;
using Hangfire;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Tuner.Core.Access;
using Tuner.Scheduler.Tests.Support;
using Tuner.Scheduling.Access;
using Tuner.TestSupport;
using Tuner.TestSupport.Postgres;
using Tuner.TestSupport.Sweeps;

namespace Tuner.Scheduler.Tests.Access;

/// <summary>
/// `tuner server` listening on this machine's network address (in this process, real Kestrel, real PostgreSQL), reached
/// through that address: nothing but the health probes answers without a key or a session; each role does what it may
/// and is refused the rest with a problem that says which role it needs; signing in sets a session whose actions need
/// the page's request token; revoking a key ends its requests and its sessions at once.
/// </summary>
[Collection("postgres")]
public sealed partial class ServerAccessTests(PostgresServerFixture postgres)
{
    private async Task<InProcessServer> NetworkServerAsync() =>
        await InProcessServer.StartAsync(await postgres.CreateDatabaseAsync("access"), host: MachineAddress.NonLoopbackIPv4());

    private static async Task<string> KeyAsync(InProcessServer server, string name, AccessRole role) =>
        (await server.Services.GetRequiredService<ApiKeys>().CreateAsync(name, role, CancellationToken.None)).Text;

    private static HttpClient WithKey(InProcessServer server, string key)
    {
        var client = server.NewClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    [Fact]
    public async Task OnANetworkAddress_NothingButTheHealthProbesAnswersWithoutAKey()
    {
        await using var server = await NetworkServerAsync();
        using var anonymous = server.NewClient();

        foreach (var path in new[] { "api/sweeps", "api/schedules", "api/models", "openapi/v1.json", "metrics", "api/session" })
        {
            using var response = await anonymous.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"GET /{path} answered {response.StatusCode}");
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("API key required", problem.GetProperty("title").GetString());
            Assert.StartsWith("this server requires an API key", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        }

        using (var submit = await anonymous.PostAsync("api/sweeps", new StringContent(SweepTexts.Small(), System.Text.Encoding.UTF8, "application/yaml")))
            Assert.Equal(HttpStatusCode.Unauthorized, submit.StatusCode);
        foreach (var page in new[] { "hangfire", "hangfire/jobs/enqueued", "docs/api" })
        {
            using var response = await anonymous.GetAsync(page);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"GET /{page} answered {response.StatusCode}");
            Assert.Equal($"/signin?ReturnUrl={Uri.EscapeDataString("/" + page)}", response.Headers.Location!.PathAndQuery);
        }

        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("readyz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("signin")).StatusCode);
        await using var db = await server.DbAsync();
        Assert.Equal(0, db.Sweeps.Count());
    }

    [Fact]
    public async Task EachRole_DoesWhatItMay_AndIsToldWhichRoleTheRestNeeds()
    {
        await using var server = await NetworkServerAsync();
        using var read = WithKey(server, await KeyAsync(server, "viewer", AccessRole.Read));
        using var submit = WithKey(server, await KeyAsync(server, "ci", AccessRole.Submit));
        using var admin = WithKey(server, await KeyAsync(server, "ops", AccessRole.Admin));

        Assert.Equal(HttpStatusCode.OK, (await read.GetAsync("api/sweeps")).StatusCode);
        using var refused = await read.PostAsync("api/sweeps", Yaml(SweepTexts.Small()));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("the key 'viewer' has the role read; this request needs submit (roles: read, submit, admin, each including the ones before it)",
            (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());

        using var submitted = await submit.PostAsync("api/sweeps", Yaml(SweepTexts.Small()));
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var sweepId = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.Forbidden, (await read.PostAsync($"api/sweeps/{sweepId}/cancel", null)).StatusCode);

        using var notAdmin = await submit.PostAsync("api/models/mnist/rollback", JsonContent.Create(new { }));
        Assert.Equal(HttpStatusCode.Forbidden, notAdmin.StatusCode);
        Assert.Contains("has the role submit; this request needs admin", await notAdmin.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync("api/models/mnist/rollback", JsonContent.Create(new { }))).StatusCode);

        Assert.True((await submit.PostAsync($"api/sweeps/{sweepId}/cancel", null)).IsSuccessStatusCode);
        var session = await read.GetFromJsonAsync<JsonElement>("api/session");
        Assert.Equal(("viewer", "read", false, false), (session.GetProperty("name").GetString(), session.GetProperty("role").GetString(),
            session.GetProperty("canSubmit").GetBoolean(), session.GetProperty("canAdminister").GetBoolean()));
    }

    [Fact]
    public async Task AKeyThatIsNotValid_IsRefused_AndSaysSo()
    {
        await using var server = await NetworkServerAsync();
        var key = await KeyAsync(server, "temp", AccessRole.Admin);
        using var client = WithKey(server, key);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("api/sweeps")).StatusCode);

        await server.Services.GetRequiredService<ApiKeys>().RevokeAsync("temp", CancellationToken.None);

        using var revoked = await client.GetAsync("api/sweeps");
        Assert.Equal(HttpStatusCode.Unauthorized, revoked.StatusCode);
        Assert.StartsWith("the API key is not valid", (await revoked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        using var byHeader = server.NewClient();
        byHeader.DefaultRequestHeaders.Add("X-Api-Key", ApiKeyText.New().Text);
        Assert.Equal(HttpStatusCode.Unauthorized, (await byHeader.GetAsync("api/sweeps")).StatusCode);
    }

    [Fact]
    public async Task SigningIn_SetsASession_WhoseActionsNeedThePagesToken_AndWhichEndsWithItsKey()
    {
        await using var server = await NetworkServerAsync();
        var key = await KeyAsync(server, "alice", AccessRole.Submit);
        var cookies = new CookieContainer();
        using var browser = server.NewClient(cookies);

        using (var wrong = await SignInAsync(browser, ApiKeyText.New().Text, "/hangfire"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
            Assert.Contains("That key is not valid", WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        using (var signedIn = await SignInAsync(browser, key, "/hangfire"))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
            Assert.Equal("/hangfire", signedIn.Headers.Location!.OriginalString);
        }

        var sessionCookie = cookies.GetAllCookies().Single(c => c.Name == "tuner_session");
        Assert.True(sessionCookie.HttpOnly);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("hangfire")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("api/sweeps")).StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await browser.PostAsync("api/sweeps", Yaml(SweepTexts.Small()))).StatusCode);
        var token = (await browser.GetFromJsonAsync<JsonElement>("api/session")).GetProperty("csrfToken").GetString();
        using var withToken = new HttpRequestMessage(HttpMethod.Post, "api/sweeps") { Content = Yaml(SweepTexts.Small()) };
        withToken.Headers.Add("X-CSRF-TOKEN", token);
        Assert.Equal(HttpStatusCode.Created, (await browser.SendAsync(withToken)).StatusCode);
        await server.Services.GetRequiredService<ApiKeys>().RevokeAsync("alice", CancellationToken.None);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("api/sweeps")).StatusCode);
        using var page = await browser.GetAsync("hangfire");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
    }

    [Fact]
    public async Task TheHangfireDashboard_IsReadOnly_ForAllButAdmin()
    {
        await using var server = await NetworkServerAsync();
        var jobId = server.Services.GetRequiredService<IBackgroundJobClient>().Schedule(() => Console.WriteLine("access probe"), TimeSpan.FromDays(1));
        var submitKey = await KeyAsync(server, "alice", AccessRole.Submit);
        var adminKey = await KeyAsync(server, "ops", AccessRole.Admin);
        using var submitter = server.NewClient();
        using var admin = server.NewClient();
        await SignInAsync(submitter, submitKey, "/hangfire");
        await SignInAsync(admin, adminKey, "/hangfire");

        var seen = await submitter.GetStringAsync($"hangfire/jobs/details/{jobId}");
        using (var refused = await PostFormAsync(submitter, $"hangfire/jobs/actions/requeue/{jobId}"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Contains("has the role submit; this request needs admin", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Contains("access probe", seen, StringComparison.Ordinal);
        Assert.DoesNotContain($"/jobs/actions/requeue/{jobId}", seen, StringComparison.Ordinal);
        Assert.Contains($"/jobs/actions/requeue/{jobId}", await admin.GetStringAsync($"hangfire/jobs/details/{jobId}"), StringComparison.Ordinal);
        var state = server.Services.GetRequiredService<Hangfire.JobStorage>().GetMonitoringApi().JobDetails(jobId).History.Count;
        using var requeued = await PostFormAsync(admin, $"hangfire/jobs/actions/requeue/{jobId}");
        Assert.Equal(HttpStatusCode.NoContent, requeued.StatusCode);
        Assert.Equal(state + 1, server.Services.GetRequiredService<Hangfire.JobStorage>().GetMonitoringApi().JobDetails(jobId).History.Count);
    }

    /// <summary>A dashboard button's POST, with the antiforgery token Hangfire puts in its pages' layout.</summary>
    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient browser, string path)
    {
        var layout = await browser.GetStringAsync("hangfire/jobs/scheduled");
        var header = HangfireConfig().Match(layout);
        Assert.True(header.Success, "the dashboard's layout carries no antiforgery header and token");
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent([]) };
        request.Headers.Add(WebUtility.HtmlDecode(header.Groups["name"].Value), WebUtility.HtmlDecode(header.Groups["token"].Value));
        return await browser.SendAsync(request);
    }

    [GeneratedRegex("<meta name=\"csrf-header\" content=\"(?<name>[^\"]+)\">\\s*<meta name=\"csrf-token\" content=\"(?<token>[^\"]+)\">")]
    private static partial Regex HangfireConfig();

    [Fact]
    public async Task SignIn_SendsOnlyToPathsOnThisServer()
    {
        await using var server = await NetworkServerAsync();
        var key = await KeyAsync(server, "alice", AccessRole.Read);

        foreach (var elsewhere in new[] { "https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)" })
        {
            using var browser = server.NewClient();
            using var response = await SignInAsync(browser, key, elsewhere);
            Assert.Equal("/sweeps", response.Headers.Location!.OriginalString);
        }
    }

    [Fact]
    public async Task OnLoopback_TheServerIsOpen_UnlessToldToAskForKeys()
    {
        await using (var open = await InProcessServer.StartAsync(await postgres.CreateDatabaseAsync("access")))
        {
            Assert.Equal(HttpStatusCode.OK, (await open.Http.GetAsync("api/sweeps")).StatusCode);
            var session = await open.Http.GetFromJsonAsync<JsonElement>("api/session");
            Assert.True(session.GetProperty("open").GetBoolean());
        }

        await using var keys = await InProcessServer.StartAsync(await postgres.CreateDatabaseAsync("access"), accessMode: AccessOptions.Keys);
        Assert.Equal(HttpStatusCode.Unauthorized, (await keys.Http.GetAsync("api/sweeps")).StatusCode);
    }

    [Fact]
    public async Task UnderAPathBase_SignInAndThePagesLinkUnderIt()
    {
        await using var server = await InProcessServer.StartAsync(
            await postgres.CreateDatabaseAsync("access"), accessMode: AccessOptions.Keys, pathBase: "/tuner");
        var key = await KeyAsync(server, "alice", AccessRole.Read);
        using var browser = server.NewClient();

        using var page = await browser.GetAsync("tuner/sweeps");
        var form = await browser.GetStringAsync("tuner/signin?ReturnUrl=%2Ftuner%2Fsweeps");
        using var signedIn = await SignInAsync(browser, key, "/tuner/sweeps", "tuner/signin");
        var shell = await browser.GetStringAsync("tuner/sweeps");
        using var api = await WithKey(server, key).GetAsync("tuner/api/sweeps");
        using var signedOut = await browser.PostAsync("tuner/signout", null);

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/tuner/signin?ReturnUrl=%2Ftuner%2Fsweeps", page.Headers.Location!.PathAndQuery);
        Assert.Contains("<form method=\"post\" action=\"/tuner/signin\">", form, StringComparison.Ordinal);
        Assert.Equal("/tuner/sweeps", signedIn.Headers.Location!.OriginalString);
        Assert.Contains(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("tuner_session=", StringComparison.Ordinal) && c.Contains("path=/tuner;", StringComparison.Ordinal));
        Assert.Contains("<base href=\"/tuner/\">", shell, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        Assert.Equal("/tuner/signin", signedOut.Headers.Location!.OriginalString);
    }

    private static StringContent Yaml(string text) => new(text, System.Text.Encoding.UTF8, "application/yaml");

    private static async Task<HttpResponseMessage> SignInAsync(HttpClient browser, string key, string returnUrl, string signIn = "signin")
    {
        var form = await browser.GetStringAsync($"{signIn}?ReturnUrl={Uri.EscapeDataString(returnUrl)}");
        var token = WebUtility.HtmlDecode(TokenField().Match(form).Groups[1].Value);
        return await browser.PostAsync(signIn, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["key"] = key, ["returnUrl"] = returnUrl, ["__RequestVerificationToken"] = token,
        }));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}

using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Tuner.Scheduler.Api.Contracts;
using Tuner.Scheduler.EndToEnd.Tests.Support;
using Tuner.TestSupport.Postgres;

namespace Tuner.Scheduler.EndToEnd.Tests.Api;

/// <summary>Every error a real `tuner server` answers is application/problem+json with title, status and detail, and
/// none of them takes it down.</summary>
[Collection("postgres")]
public sealed class ApiErrorsTests(PostgresServerFixture postgres)
{
    [Fact]
    public async Task EveryError_IsProblemDetailsWithTitleStatusAndDetail_AndTheServerStaysUp()
    {
        await using var cluster = await TunerCluster.StartAsync(await postgres.CreateDatabaseAsync("api_errors"));
        var http = cluster.Http;
        // Over Kestrel's default body limit (30,000,000 bytes) and any smaller one an operator sets.
        var tooLarge = new string('#', 31_000_000);
        var cases = new (string Request, Func<Task<HttpResponseMessage>> Send, HttpStatusCode Status, string Detail)[]
        {
            ("GET sweep", () => http.GetAsync("api/sweeps/424242"), HttpStatusCode.NotFound, "there is no sweep with id 424242"),
            ("GET trials", () => http.GetAsync("api/sweeps/424242/trials"), HttpStatusCode.NotFound, "there is no sweep with id 424242"),
            ("GET events", () => http.GetAsync("api/sweeps/424242/events"), HttpStatusCode.NotFound, "there is no sweep with id 424242"),
            ("POST cancel", () => http.PostAsync("api/sweeps/424242/cancel", null), HttpStatusCode.NotFound, "there is no sweep with id 424242"),
            ("no route", () => http.GetAsync("api/nothing"), HttpStatusCode.NotFound, "there is nothing at GET /api/nothing"),
            ("wrong method", () => http.PutAsync("api/sweeps", null), HttpStatusCode.MethodNotAllowed, "allowed: GET, POST"),
            ("XML body", () => http.PostAsync("api/sweeps", new StringContent("<sweep/>", Encoding.UTF8, "application/xml")),
                HttpStatusCode.UnsupportedMediaType, "does not accept Content-Type 'application/xml; charset=utf-8'"),
            ("unbindable after", () => http.GetAsync("api/sweeps?after=yesterday"), HttpStatusCode.BadRequest,
                "Failed to bind parameter \"Nullable<long> after\" from \"yesterday\""),
            ("body too large", () => PostExpectingContinueAsync(http, tooLarge), HttpStatusCode.RequestEntityTooLarge, "this server accepts definitions of at most"),
        };

        foreach (var (request, send, status, detail) in cases)
        {
            using var response = await send();
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == status, $"{request}: expected {(int)status}, got {(int)response.StatusCode}: {body}");
            Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", $"{request}: {response.Content.Headers.ContentType} {body}");
            var problem = JsonDocument.Parse(body).RootElement;
            Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
            Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()), $"{request}: no title in {body}");
            Assert.Contains(detail, problem.GetProperty("detail").GetString());
        }

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("api/sweeps")).StatusCode);
    }

    /// <summary>With Expect: 100-continue, so the server answers 413 before the client sends a body it would not read
    /// (sending it anyway ends in a broken pipe once the server closes the connection).</summary>
    private static Task<HttpResponseMessage> PostExpectingContinueAsync(HttpClient http, string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "api/sweeps") { Content = new StringContent(body, Encoding.UTF8, "application/yaml") };
        request.Headers.ExpectContinue = true;
        return http.SendAsync(request);
    }

    [Fact]
    public async Task ALimitOutOfRange_Returns400ValidationProblem_NamingTheLimit()
    {
        await using var cluster = await TunerCluster.StartAsync(await postgres.CreateDatabaseAsync("api_limit"));

        var zero = await cluster.Http.GetAsync("api/sweeps?limit=0");
        var tooMany = await cluster.Http.GetAsync("api/sweeps/1/trials?limit=501");

        foreach (var response in new[] { zero, tooMany })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            var limit = problem.GetProperty("errors").GetProperty("limit").EnumerateArray().Single().GetString();
            Assert.Equal("The field limit must be between 1 and 500.", limit);
            Assert.EndsWith("limit: The field limit must be between 1 and 500.", problem.GetProperty("detail").GetString());
        }

        Assert.Empty((await cluster.Http.GetFromJsonAsync<Page<SweepSummary>>("api/sweeps"))!.Items);
    }
}

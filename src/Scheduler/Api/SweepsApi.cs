using Microsoft.AspNetCore.Http.HttpResults;
using Tuner.Scheduler.Api.Contracts;
using Tuner.Scheduler.Capacity;
using Tuner.Scheduler.Definitions;
using Tuner.Scheduler.Sweeps;

namespace Tuner.Scheduler.Api;

/// <summary>REST endpoints for sweeps: submit (YAML or JSON), list, inspect, list trials, cancel.</summary>
public static class SweepsApi
{
    public static IEndpointRouteBuilder MapSweepsApi(this IEndpointRouteBuilder app)
    {
        var sweeps = app.MapGroup("api/sweeps").WithTags("Sweeps");
        sweeps.MapPost("", SubmitAsync)
            .Accepts<string>("application/yaml", "application/json", "text/yaml", "text/plain")
            .WithSummary("Submit a sweep definition (YAML or JSON)");
        sweeps.MapGet("", ListAsync).WithSummary("List sweeps, newest first");
        sweeps.MapGet("{id:long}", GetAsync).WithSummary("A sweep: state, trial counts, best trial");
        sweeps.MapGet("{id:long}/trials", TrialsAsync).WithSummary("A sweep's trials with params, state and reported values");
        sweeps.MapGet("{id:long}/events", EventsAsync)
            .WithSummary("A sweep's events (scale decisions, preemptions, fallbacks) after the id given as ?after=, oldest first");
        sweeps.MapPost("{id:long}/cancel", CancelAsync).WithSummary("Cancel a running sweep");
        return app;
    }

    public static async Task<Results<Created<SweepCreated>, ValidationProblem>> SubmitAsync(
        HttpRequest request, SweepSubmission submission, CapacityAvailability capacity, CancellationToken ct)
    {
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync(ct);
        var format = request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true
            ? DefinitionFormat.Json
            : DefinitionFormat.Auto;
        var parsed = SweepDefinitionParser.Parse(text, format);
        if (parsed.Definition is null)
        {
            return TypedResults.ValidationProblem(
                parsed.ToValidationErrors(), title: "The sweep definition is invalid", detail: $"{parsed.Problems.Count} problem(s) found");
        }

        var sweep = await submission.SubmitAsync(parsed.Definition, text, ct);
        var warnings = await capacity.WhyNoneAsync(sweep.Pool, ct) is { } none ? new[] { none } : [];
        return TypedResults.Created($"/api/sweeps/{sweep.Id}", new SweepCreated(sweep.Id, sweep.Name, sweep.State.ToString(), warnings));
    }

    public static async Task<Ok<IReadOnlyList<SweepSummary>>> ListAsync(SweepQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.ListAsync(ct));

    public static async Task<Results<Ok<SweepDetails>, NotFound>> GetAsync(long id, SweepQueries queries, CancellationToken ct) =>
        await queries.GetAsync(id, ct) is { } details ? TypedResults.Ok(details) : TypedResults.NotFound();

    public static async Task<Results<Ok<IReadOnlyList<SweepEventView>>, NotFound>> EventsAsync(
        long id, SweepQueries queries, CancellationToken ct, long after = 0) =>
        await queries.EventsAsync(id, after, ct) is { } events ? TypedResults.Ok(events) : TypedResults.NotFound();

    public static async Task<Results<Ok<IReadOnlyList<TrialView>>, NotFound>> TrialsAsync(
        long id, SweepQueries queries, CancellationToken ct) =>
        await queries.TrialsAsync(id, ct) is { } trials ? TypedResults.Ok(trials) : TypedResults.NotFound();

    public static async Task<Results<Accepted<SweepDetails>, NotFound, Conflict<string>>> CancelAsync(
        long id, SweepSubmission submission, SweepQueries queries, CancellationToken ct)
    {
        if (await submission.CancelAsync(id, ct))
        {
            return TypedResults.Accepted($"/api/sweeps/{id}", await queries.GetAsync(id, ct));
        }

        return await queries.GetAsync(id, ct) is { } details
            ? TypedResults.Conflict($"sweep {id} is {details.State}; only a running sweep can be cancelled")
            : TypedResults.NotFound();
    }
}

using Tuner.Core.Workloads;
using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Tuner.Scheduler.Api.Contracts;
using Tuner.Scheduling.Capacity;
using Tuner.Core.Definitions;
using Tuner.Scheduling.Sweeps;
using Tuner.Scheduling.Costs;

namespace Tuner.Scheduler.Api;

/// <summary>REST endpoints for sweeps: submit (YAML or JSON), list, inspect, list trials and events, cancel.</summary>
public static class SweepsApi
{
    public static IEndpointRouteBuilder MapSweepsApi(this IEndpointRouteBuilder app)
    {
        var sweeps = app.MapGroup("api/sweeps").WithTags("Sweeps");
        sweeps.MapPost("", SubmitAsync).WithName("SubmitSweep")
            .Accepts<string>("application/yaml", "application/json", "text/yaml", "text/plain")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithSummary("Submit a sweep definition (YAML or JSON)");
        sweeps.MapGet("", ListAsync).WithName("ListSweeps")
            .WithSummary("List sweeps, newest first, a page at a time");
        sweeps.MapGet("{id:long}", GetAsync).WithName("GetSweep")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A sweep: state, trial counts, best trial");
        sweeps.MapGet("{id:long}/trials", TrialsAsync).WithName("ListTrials")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A sweep's trials by number, a page at a time, with params, state and reported values");
        sweeps.MapGet("{id:long}/events", EventsAsync).WithName("ListSweepEvents")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A sweep's events (scale decisions, preemptions, fallbacks) after the id given as ?after=, oldest first, at most 500");
        sweeps.MapPatch("{id:long}", UpdateAsync).WithName("UpdateSweep")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Change a running or paused sweep's budget (max_cost_usd); a sweep paused at its limit runs again when the new limit is above what it spent");
        sweeps.MapPost("{id:long}/cancel", CancelAsync).WithName("CancelSweep")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Cancel a running sweep");
        // Every operation can answer 400 (a path or query value that is not what it says) as problem details.
        sweeps.ProducesValidationProblem();
        return app;
    }

    public static async Task<Results<Created<SweepCreated>, ValidationProblem, ProblemHttpResult>> SubmitAsync(
        HttpRequest request, SweepSubmission submission, IOptions<DefinitionLimits> limits, CapacityAvailability capacity, IWorkloadCatalog workloads,
        CancellationToken ct)
    {
        var maxBytes = limits.Value.MaxDefinitionBytes;
        if (await RequestText.ReadAsync(request, maxBytes, ct) is not { } text)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status413PayloadTooLarge,
                title: "The sweep definition is too large",
                detail: $"this server accepts definitions of at most {maxBytes} bytes (the operator's limit {DefinitionLimits.VariableFor("MAX_DEFINITION_BYTES")})");
        }

        var format = request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true
            ? DefinitionFormat.Json
            : DefinitionFormat.Auto;
        var parsed = await SweepDefinitionParser.ParseAsync(text, workloads, ct, format, limits.Value);
        if (parsed.Definition is null)
        {
            return TypedResults.ValidationProblem(
                parsed.ToValidationErrors(), title: "The sweep definition is invalid", detail: $"{parsed.Problems.Count} problem(s) found");
        }

        var sweep = await submission.SubmitAsync(parsed.Definition, text, ct);
        var warnings = await capacity.WhyNoneAsync(sweep.Pool, ct) is { } none ? new[] { none } : [];
        return TypedResults.Created($"/api/sweeps/{sweep.Id}", new SweepCreated(sweep.Id, sweep.Name, sweep.State.ToString(), warnings));
    }

    public static async Task<Ok<Page<SweepSummary>>> ListAsync(
        SweepQueries queries,
        CancellationToken ct,
        [Description("The previous page's `next` (a sweep id); the newest sweeps when left out")] long? after = null,
        [Description("The most sweeps in the page"), Range(1, Paging.MaxLimit)] int limit = Paging.DefaultLimit) =>
        TypedResults.Ok(await queries.ListAsync(after, limit, ct));

    public static async Task<Results<Ok<SweepDetails>, ProblemHttpResult>> GetAsync(long id, SweepQueries queries, CancellationToken ct) =>
        await queries.GetAsync(id, ct) is { } details ? TypedResults.Ok(details) : ApiProblems.SweepNotFound(id);

    public static async Task<Results<Ok<IReadOnlyList<SweepEventView>>, ProblemHttpResult>> EventsAsync(
        long id, SweepQueries queries, CancellationToken ct,
        [Description("The id of the last event already seen; the first events when left out")] long after = 0) =>
        await queries.EventsAsync(id, after, ct) is { } events ? TypedResults.Ok(events) : ApiProblems.SweepNotFound(id);

    public static async Task<Results<Ok<Page<TrialView>>, ProblemHttpResult>> TrialsAsync(
        long id,
        SweepQueries queries,
        CancellationToken ct,
        [Description("The previous page's `next` (a trial number); trial 0 onwards when left out")] int? after = null,
        [Description("The most trials in the page"), Range(1, Paging.MaxLimit)] int limit = Paging.DefaultLimit) =>
        await queries.TrialPageAsync(id, after, limit, ct) is { } trials ? TypedResults.Ok(trials) : ApiProblems.SweepNotFound(id);

    public static async Task<Results<Ok<SweepDetails>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        long id, BudgetUpdate update, SweepBudgets budgets, SweepQueries queries, CancellationToken ct)
    {
        if (update.MaxCostUsd is not { } max || max <= 0 || max > CostLimit.MostUsd)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["maxCostUsd"] = [$"expected dollars greater than 0 and at most {CostLimit.MostUsd:#,0}, got {update.MaxCostUsd?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "nothing"}"] },
                title: "The sweep update is invalid");
        }

        var change = await budgets.SetLimitAsync(id, Math.Round(max, 6), ct);
        if (change is null) return ApiProblems.SweepNotFound(id);
        if (!change.Changed) return ApiProblems.BudgetNotChangeable(id, change.State.ToString());
        return TypedResults.Ok((await queries.GetAsync(id, ct))!);
    }

    public static async Task<Results<Accepted<SweepDetails>, ProblemHttpResult>> CancelAsync(
        long id, SweepSubmission submission, SweepQueries queries, CancellationToken ct)
    {
        if (await submission.CancelAsync(id, ct))
        {
            return TypedResults.Accepted($"/api/sweeps/{id}", await queries.GetAsync(id, ct));
        }

        return await queries.GetAsync(id, ct) is { } details
            ? ApiProblems.NotCancellable(id, details.State)
            : ApiProblems.SweepNotFound(id);
    }
}

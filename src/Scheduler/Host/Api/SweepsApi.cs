using Microsoft.EntityFrameworkCore;
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
        sweeps.MapPost("{id:long}/trials", QueueTrialAsync).WithName("QueueTrial")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Queue a configuration for a running or paused sweep to evaluate before it asks its sampler again (Optuna's enqueue_trial)");
        sweeps.MapPatch("{id:long}", UpdateAsync).WithName("UpdateSweep")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Change a sweep's budget: max_cost_usd (running or paused; a sweep paused at its limit runs again when the new limit is above what it spent) and max_trials (raising it on a completed sweep continues it)");
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
        IDbContextFactory<Tuner.Persistence.TunerDbContext> contexts, CancellationToken ct)
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

        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            if (await WarmStarts.ProblemAsync(db, parsed.Definition, ct) is { } problem)
            {
                return TypedResults.ValidationProblem(
                    new Dictionary<string, string[]> { ["warm_start.from_sweep"] = [problem] }, title: "The sweep definition is invalid", detail: "1 problem(s) found");
            }
        }

        var sweep = await submission.SubmitAsync(parsed.Definition, text, ct);
        var warnings = await capacity.WhyNoneAsync(sweep.Pool, ct) is { } none ? new[] { none } : [];
        return TypedResults.Created($"/api/sweeps/{sweep.Id}", new SweepCreated(sweep.Id, sweep.Name, sweep.State.ToString(), warnings));
    }

    public static async Task<Ok<Page<SweepSummary>>> ListAsync(
        SweepQueries queries,
        CancellationToken ct,
        [Description("The previous page's `next` (a sweep id); the newest sweeps when left out")] long? after = null,
        [Description("The most sweeps in the page"), Range(1, Paging.MaxLimit)] int limit = Paging.DefaultLimit,
        [Description("Only sweeps in this state")] Tuner.Core.Model.SweepState? state = null,
        [Description("Only sweeps whose name contains this text, in any case")] string? q = null,
        [Description("Only sweeps with this label: `key`, or `key:value` for that value")] string? label = null) =>
        TypedResults.Ok(await queries.ListAsync(new Pages.SweepFilter(state, q, label), after, limit, ct));

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
        long id, SweepUpdate update, SweepBudgets budgets, SweepTrialLimits trialLimits, SweepQueries queries, IOptions<DefinitionLimits> limits,
        CancellationToken ct)
    {
        var problems = new Dictionary<string, string[]>();
        if (update.MaxCostUsd is null && update.MaxTrials is null)
            problems[""] = ["expected maxCostUsd, maxTrials or both"];
        if (update.MaxCostUsd is { } usd && (usd <= 0 || usd > CostLimit.MostUsd))
            problems["maxCostUsd"] = [$"expected dollars greater than 0 and at most {CostLimit.MostUsd:#,0}, got {usd.ToString(System.Globalization.CultureInfo.InvariantCulture)}"];
        if (update.MaxTrials is { } trials && (trials < 1 || trials > limits.Value.MaxTrials))
            problems["maxTrials"] = [$"expected a whole number from 1 to {limits.Value.MaxTrials} (the operator's limit {DefinitionLimits.VariableFor("MAX_TRIALS")}), got {trials}"];
        if (problems.Count > 0) return TypedResults.ValidationProblem(problems, title: "The sweep update is invalid");

        // max_trials first: raising it continues a Completed sweep, whose budget can then change too.
        if (update.MaxTrials is { } maxTrials)
        {
            var change = await trialLimits.SetLimitAsync(id, maxTrials, ct);
            if (change is null) return ApiProblems.SweepNotFound(id);
            if (change.Refusal is { } refusal)
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["maxTrials"] = [refusal] }, title: "The sweep update is invalid");
            if (!change.Changed) return ApiProblems.NotChangeable(id, change.State.ToString(), "max_trials", "a running, paused or completed sweep's");
        }

        if (update.MaxCostUsd is { } max)
        {
            var change = await budgets.SetLimitAsync(id, Math.Round(max, 6), ct);
            if (change is null) return ApiProblems.SweepNotFound(id);
            if (!change.Changed) return ApiProblems.NotChangeable(id, change.State.ToString(), "budget", "a running or paused sweep's");
        }

        return TypedResults.Ok((await queries.GetAsync(id, ct))!);
    }

    public static async Task<Results<Accepted<QueuedTrial>, ValidationProblem, ProblemHttpResult>> QueueTrialAsync(
        long id, QueueTrialRequest request, ConfigurationQueue configurations, CancellationToken ct)
    {
        if (request.Params is null)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["params"] = ["expected an object of parameter values"] }, title: "The configuration is invalid");

        var result = await configurations.EnqueueAsync(id, System.Text.Json.JsonSerializer.SerializeToElement(request.Params), "api", ct);
        if (result is null) return ApiProblems.SweepNotFound(id);
        if (result.Problems.Count > 0)
        {
            return TypedResults.ValidationProblem(
                result.Problems.GroupBy(p => $"params.{p.Parameter}").ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()),
                title: "The configuration does not fit the sweep's search space", detail: $"{result.Problems.Count} problem(s) found");
        }

        if (result.NotQueueable is { } state)
        {
            return TypedResults.Problem(title: "Sweep takes no configurations",
                detail: state == Tuner.Core.Model.SweepState.Completed
                    ? $"sweep {id} is Completed; raise its max_trials (PATCH /api/sweeps/{id} with maxTrials) to continue it, then queue configurations"
                    : $"sweep {id} is {state}; only a running or paused sweep takes configurations",
                statusCode: StatusCodes.Status409Conflict);
        }

        var queued = result.Queued!;
        var warnings = new List<string>();
        if (result.Full) warnings.Add($"sweep {id} has no trials left for it within max_trials; raise max_trials (PATCH /api/sweeps/{id}) to evaluate it");
        return TypedResults.Accepted($"/api/sweeps/{id}/trials",
            new QueuedTrial(queued.Id, result.Values, result.Ahead, warnings));
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

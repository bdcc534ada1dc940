using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tuner.Core.Model;
using Tuner.Persistence;
using Tuner.Scheduler.Api.Contracts;
using Tuner.Scheduler.Api.Pages;
using Tuner.Scheduling.Sweeps;

namespace Tuner.Scheduler.Api;

/// <summary>
/// What Tuner's pages read about one sweep: progress, learning curves, parameters and their importance, the runs'
/// timeline, the trial table, one trial, and the export of every trial. Each answer is aggregated and bounded by the
/// server, so a sweep of tens of thousands of trials answers as fast as a small one (the queries are in Pages/); a
/// finished sweep's aggregates are computed once (<see cref="FinishedSweepAnswers"/>).
/// </summary>
public static class SweepPagesApi
{
    public static IEndpointRouteBuilder MapSweepPagesApi(this IEndpointRouteBuilder app)
    {
        var sweeps = app.MapGroup("api/sweeps").WithTags("Sweep pages");
        sweeps.MapGet("{id:long}/progress", ProgressAsync).WithName("GetSweepProgress")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Complete trials in the order they ended, with the best value so far (sampled above maxPoints, keeping every change of the best)");
        sweeps.MapGet("{id:long}/curves", CurvesAsync).WithName("GetSweepCurves")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Learning curves (reported objective per epoch) of up to maxTrials trials: all, or the best half and an even sample of the rest");
        sweeps.MapGet("{id:long}/parameters", ParametersAsync).WithName("GetSweepParameters")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The search space, complete trials' parameters and values (up to maxTrials), and each parameter's importance over the complete trials (an even sample of 5,000 when there are more)");
        sweeps.MapGet("{id:long}/timeline", TimelineAsync).WithName("GetSweepTimeline")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The sweep's trial runs by worker (the most recent maxRuns by start), with resumptions and preemptions");
        sweeps.MapGet("{id:long}/trials/table", TableAsync).WithName("GetTrialTable")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A page of the sweep's trials sorted by the server: number, value (nulls last), state, epochs, preemptions or cost");
        sweeps.MapGet("{id:long}/trials/{number:int}", TrialAsync).WithName("GetTrial")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One trial by number: params, state, value, reports, checkpoints, runs, its sweep and its Hangfire job");
        sweeps.MapGet("{id:long}/export", ExportAsync).WithName("ExportSweep")
            .Produces(StatusCodes.Status200OK, typeof(string), "text/csv", "application/json")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Every trial of the sweep as a CSV (a column param.NAME per parameter) or a JSON array, streamed as a download");
        sweeps.ProducesValidationProblem();
        return app;
    }

    public static Task<Results<Ok<SweepProgress>, ProblemHttpResult>> ProgressAsync(
        long id, IDbContextFactory<TunerDbContext> contexts, SweepPlans plans, FinishedSweepAnswers finished, CancellationToken ct,
        [Description("The most points to answer with"), Range(2, ProgressQuery.MostPoints)] int maxPoints = ProgressQuery.DefaultPoints) =>
        WithSweepAsync(id, contexts, plans, ct, (db, sweep) =>
            finished.GetAsync(sweep, $"progress?maxPoints={maxPoints}", () => ProgressQuery.RunAsync(db, sweep, maxPoints, ct)));

    public static Task<Results<Ok<SweepCurves>, ProblemHttpResult>> CurvesAsync(
        long id, IDbContextFactory<TunerDbContext> contexts, SweepPlans plans, FinishedSweepAnswers finished, CancellationToken ct,
        [Description("The most trials to show"), Range(1, CurvesQuery.MostTrials)] int maxTrials = CurvesQuery.DefaultTrials,
        [Description("The most points per curve"), Range(2, CurvesQuery.MostPoints)] int maxPoints = CurvesQuery.DefaultPoints) =>
        WithSweepAsync(id, contexts, plans, ct, (db, sweep) =>
            finished.GetAsync(sweep, $"curves?maxTrials={maxTrials}&maxPoints={maxPoints}", () => CurvesQuery.RunAsync(db, sweep, maxTrials, maxPoints, ct)));

    public static Task<Results<Ok<SweepParameters>, ProblemHttpResult>> ParametersAsync(
        long id, IDbContextFactory<TunerDbContext> contexts, SweepPlans plans, FinishedSweepAnswers finished, CancellationToken ct,
        [Description("The most trials to list as rows"), Range(1, ParametersQuery.MostTrials)] int maxTrials = ParametersQuery.DefaultTrials) =>
        WithSweepAsync(id, contexts, plans, ct, (db, sweep) =>
            finished.GetAsync(sweep, $"parameters?maxTrials={maxTrials}", () => ParametersQuery.RunAsync(db, sweep, maxTrials, ct)));

    public static Task<Results<Ok<SweepTimeline>, ProblemHttpResult>> TimelineAsync(
        long id, IDbContextFactory<TunerDbContext> contexts, SweepPlans plans, FinishedSweepAnswers finished, TimeProvider clock, CancellationToken ct,
        [Description("The most runs to show (the most recent by start)"), Range(1, TimelineQuery.MostRuns)] int maxRuns = TimelineQuery.DefaultRuns) =>
        WithSweepAsync(id, contexts, plans, ct, (db, sweep) =>
            finished.GetAsync(sweep, $"timeline?maxRuns={maxRuns}", () => TimelineQuery.RunAsync(db, sweep, maxRuns, clock.GetUtcNow(), ct)));

    public static Task<Results<Ok<TrialTable>, ProblemHttpResult>> TableAsync(
        long id, IDbContextFactory<TunerDbContext> contexts, SweepPlans plans, CancellationToken ct,
        [Description("The column to sort by"),
         AllowedValues(TrialTableSorts.Number, TrialTableSorts.Value, TrialTableSorts.State, TrialTableSorts.Epochs, TrialTableSorts.Preemptions, TrialTableSorts.CostUsd)]
        string sort = TrialTableSorts.Number,
        [Description("asc or desc"), AllowedValues(SortOrders.Ascending, SortOrders.Descending)] string order = SortOrders.Ascending,
        [Description("Only trials in this state")] TrialStatus? state = null,
        [Description("How many trials of the sorted list to skip"), Range(0, int.MaxValue)] int offset = 0,
        [Description("The most trials in the page"), Range(1, TrialTableQuery.MostRows)] int limit = TrialTableQuery.DefaultRows) =>
        WithSweepAsync(id, contexts, plans, ct, (db, sweep) =>
            TrialTableQuery.RunAsync(db, sweep, sort, order == SortOrders.Descending, state, offset, limit, ct));

    public static async Task<Results<Ok<TrialDetails>, ProblemHttpResult>> TrialAsync(
        long id, int number, IDbContextFactory<TunerDbContext> contexts, SweepPlans plans, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (await PageSweep.LoadAsync(db, plans, id, ct) is not { } sweep) return ApiProblems.SweepNotFound(id);
        return await TrialQuery.RunAsync(db, sweep, number, ct) is { } trial
            ? TypedResults.Ok(trial)
            : TypedResults.Problem(title: "Trial not found", detail: $"sweep {id} has no trial {number}", statusCode: StatusCodes.Status404NotFound);
    }

    public static async Task<Results<PushStreamHttpResult, ProblemHttpResult>> ExportAsync(
        long id, IDbContextFactory<TunerDbContext> contexts, SweepPlans plans, CancellationToken ct,
        [Description("csv or json"), AllowedValues(ExportFormats.Csv, ExportFormats.Json)] string format = ExportFormats.Csv)
    {
        PageSweep? sweep;
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            sweep = await PageSweep.LoadAsync(db, plans, id, ct);
        }

        if (sweep is null) return ApiProblems.SweepNotFound(id);
        // The rows go out as the database yields them, on a context of the response's own.
        return TypedResults.Stream(
            async body =>
            {
                await using var db = await contexts.CreateDbContextAsync(ct);
                await TrialExport.WriteAsync(body, db, sweep, format, ct);
            },
            TrialExport.ContentType(format), TrialExport.FileName(id, format));
    }

    private static async Task<Results<Ok<T>, ProblemHttpResult>> WithSweepAsync<T>(
        long id, IDbContextFactory<TunerDbContext> contexts, SweepPlans plans, CancellationToken ct, Func<TunerDbContext, PageSweep, Task<T>> query)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var transaction = await PageTransactions.BeginAsync(db, ct);
        return await PageSweep.LoadAsync(db, plans, id, ct) is { } sweep ? TypedResults.Ok(await query(db, sweep)) : ApiProblems.SweepNotFound(id);
    }
}

using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tuner.Core.Definitions;
using Tuner.Persistence;
using Tuner.Scheduler.Api.Contracts;
using Tuner.Scheduling.Models;
using Tuner.Trainer.Checkpoints;
using Tuner.Core.Access;
using Tuner.Scheduler.Hosting.Access;

namespace Tuner.Scheduler.Api;

/// <summary>REST endpoints for models: the champion at one stable URL with its checkpoint, every promotion decision,
/// and an operator's approval, forced promotion and rollback.</summary>
public static class ModelsApi
{
    public static IEndpointRouteBuilder MapModelsApi(this IEndpointRouteBuilder app)
    {
        var models = app.MapGroup("api/models").WithTags("Models");
        models.MapGet("", ListAsync).WithName("ListModels").WithSummary("Every model, by name, with its champion");
        models.MapGet("{name}", GetAsync).WithName("GetModel").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A model: its champion, its previous champion and its latest decisions with their figures");
        models.MapGet("{name}/champion", ChampionAsync).WithName("GetChampion").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The model's champion: its trial, parameters, scores and checkpoint, with the checkpoint's download URL");
        models.MapGet("{name}/champion/checkpoint", DownloadAsync).WithName("DownloadChampion")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("The champion's checkpoint as the workload wrote it (verified and decompressed)");
        models.MapPost("{name}/approve", ApproveAsync).WithName("ApproveChallenger").RequireActionRole(AccessRole.Admin)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Promote the challenger of the model's newest decision that awaits approval");
        models.MapPost("{name}/promote", PromoteAsync).WithName("PromoteTrial").RequireActionRole(AccessRole.Admin)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesValidationProblem()
            .WithSummary("Make a complete trial that keeps a checkpoint the champion, without a comparison (the model is made if there is none)");
        models.MapPost("{name}/rollback", RollbackAsync).WithName("RollbackChampion").RequireActionRole(AccessRole.Admin)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Make the previous champion the champion again");
        return app;
    }

    public static async Task<Ok<List<ModelSummary>>> ListAsync(ModelQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.ListAsync(ct));

    public static async Task<Results<Ok<ModelView>, ProblemHttpResult>> GetAsync(string name, ModelQueries queries, CancellationToken ct) =>
        await queries.GetAsync(name, ct) is { } view ? TypedResults.Ok(view) : NoModel(name);

    public static async Task<Results<Ok<ChampionView>, ProblemHttpResult>> ChampionAsync(string name, ModelQueries queries, CancellationToken ct)
    {
        var (champion, exists) = await queries.ChampionAsync(name, ct);
        if (!exists) return NoModel(name);
        return champion is null ? NoChampion(name) : TypedResults.Ok(champion);
    }

    public static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> DownloadAsync(
        string name, ModelQueries queries, IDbContextFactory<TunerDbContext> contexts, ICheckpointStore store, CancellationToken ct)
    {
        if (await queries.ChampionCheckpointAsync(name, ct) is not { } champion)
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            return await db.Models.AnyAsync(m => m.Name == name, ct) ? NoChampion(name) : NoModel(name);
        }

        return await CheckpointsApi.StreamAsync(store, champion.Checkpoint, $"the champion of model '{name}'", champion.FileName, ct);
    }

    public static async Task<Results<Ok<DecisionView>, ProblemHttpResult>> ApproveAsync(
        string name, ModelPromotions promotions, IDbContextFactory<TunerDbContext> contexts, CancellationToken ct, ModelAction? body = null) =>
        await ViewAsync(await promotions.ApproveAsync(name, body?.Note, ct), contexts, ct);

    public static async Task<Results<Ok<DecisionView>, ProblemHttpResult, ValidationProblem>> PromoteAsync(
        string name, ModelPromotion body, ModelPromotions promotions, IDbContextFactory<TunerDbContext> contexts, CancellationToken ct)
    {
        var problems = new Dictionary<string, string[]>();
        if (!ResourceName.IsValid(name)) problems["name"] = [ResourceName.Expected(name)];
        if (body.SweepId is null) problems["sweepId"] = ["expected the sweep of the trial to promote"];
        if (body.TrialNumber is null) problems["trialNumber"] = ["expected the trial's number in its sweep"];
        if (problems.Count > 0) return TypedResults.ValidationProblem(problems, title: "The promotion is invalid");
        var decided = await ViewAsync(await promotions.PromoteAsync(name, body.SweepId!.Value, body.TrialNumber!.Value, body.Note, ct), contexts, ct);
        return decided.Result is Ok<DecisionView> ok ? ok : (ProblemHttpResult)decided.Result;
    }

    public static async Task<Results<Ok<DecisionView>, ProblemHttpResult>> RollbackAsync(
        string name, ModelPromotions promotions, IDbContextFactory<TunerDbContext> contexts, CancellationToken ct, ModelAction? body = null) =>
        await ViewAsync(await promotions.RollbackAsync(name, body?.Note, ct), contexts, ct);

    private static async Task<Results<Ok<DecisionView>, ProblemHttpResult>> ViewAsync(
        ModelPromotions.Result result, IDbContextFactory<TunerDbContext> contexts, CancellationToken ct)
    {
        if (result.Decision is not { } decision)
        {
            return TypedResults.Problem(title: result.NotFound ? "Not found" : "The champion cannot change so", detail: result.Problem,
                statusCode: result.NotFound ? StatusCodes.Status404NotFound : StatusCodes.Status409Conflict);
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var trials = await ModelQueries.ReferencesAsync(db, [decision.ChallengerTrialId, decision.ChampionTrialId], ct);
        return TypedResults.Ok(ModelQueries.View(decision, trials));
    }

    private static ProblemHttpResult NoModel(string name) => TypedResults.Problem(
        title: "Model not found", detail: $"there is no model named '{name}'", statusCode: StatusCodes.Status404NotFound);

    private static ProblemHttpResult NoChampion(string name) => TypedResults.Problem(
        title: "No champion", detail: $"model '{name}' has no champion yet: its schedule's first run that ends with a complete trial makes one",
        statusCode: StatusCodes.Status404NotFound);
}

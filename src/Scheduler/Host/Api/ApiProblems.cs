using Microsoft.AspNetCore.Http.HttpResults;

namespace Tuner.Scheduler.Api;

/// <summary>The API's own errors as problem details (application/problem+json with title, status and detail).</summary>
public static class ApiProblems
{
    public static ProblemHttpResult SweepNotFound(long id) => TypedResults.Problem(
        title: "Sweep not found", detail: $"there is no sweep with id {id}", statusCode: StatusCodes.Status404NotFound);

    public static ProblemHttpResult NotCancellable(long id, string state) => TypedResults.Problem(
        title: "Sweep cannot be cancelled",
        detail: $"sweep {id} is {state}; only a running or paused sweep can be cancelled",
        statusCode: StatusCodes.Status409Conflict);

    /// <param name="what">What cannot change ("budget", "max_trials").</param>
    /// <param name="whose">Whose can, e.g. "a running or paused sweep's".</param>
    public static ProblemHttpResult NotChangeable(long id, string state, string what, string whose) => TypedResults.Problem(
        title: $"Sweep {what} cannot be changed",
        detail: $"sweep {id} is {state}; only {whose} {what} can be changed",
        statusCode: StatusCodes.Status409Conflict);
}

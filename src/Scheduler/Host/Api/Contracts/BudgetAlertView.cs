using Tuner.Core.Model;
using Tuner.Scheduler.Api.OpenApi;

namespace Tuner.Scheduler.Api.Contracts;

/// <summary>A budget threshold crossed, and how its webhook deliveries stand.</summary>
public sealed record BudgetAlertView(
    long Id, DateTimeOffset At, string Basis, int Percent, decimal MaxCostUsd, decimal SpentUsd, decimal? ForecastUsd, IReadOnlyList<WebhookDeliveryView> Deliveries);

/// <summary>One webhook message: where to, its state, attempts so far and how the last failed.</summary>
public sealed record WebhookDeliveryView(
    long Id, string Url, [property: OpenApiEnum(typeof(WebhookDeliveryState))] string State, int Attempts, DateTimeOffset? DeliveredAt, DateTimeOffset NextAttemptAt, string? LastError);

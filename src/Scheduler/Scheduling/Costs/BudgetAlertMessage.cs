namespace Tuner.Scheduling.Costs;

/// <summary>The JSON body of a budget_alert webhook (snake_case names).</summary>
public sealed record BudgetAlertMessage(
    string Event, long SweepId, string SweepName, string Basis, int ThresholdPercent, decimal MaxCostUsd, decimal SpentUsd, decimal? ForecastUsd,
    string Message, DateTimeOffset At);

namespace Tuner.Core.Model;

/// <summary>
/// A sweep crossing one of its budget.alert_thresholds, on what it has spent or on its forecast spend. Recorded once per
/// (sweep, basis, threshold, budget): raising the budget arms the thresholds again against the new figure.
/// </summary>
public sealed class BudgetAlert
{
    public long Id { get; set; }
    public long SweepId { get; set; }

    /// <summary><see cref="BudgetAlertBasis.Spent"/> or <see cref="BudgetAlertBasis.Forecast"/>.</summary>
    public required string Basis { get; set; }
    public int Percent { get; set; }
    public decimal MaxCostUsd { get; set; }
    public decimal SpentUsd { get; set; }
    public decimal? ForecastUsd { get; set; }
    public DateTimeOffset At { get; set; }
}

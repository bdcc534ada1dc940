namespace Tuner.Core.Model;

/// <summary>What a <see cref="BudgetAlert"/> measured against the budget.</summary>
public static class BudgetAlertBasis
{
    /// <summary>Dollars spent so far (the ledger).</summary>
    public const string Spent = "spent";

    /// <summary>What the sweep is forecast to cost when it finishes, at its cost per trial so far.</summary>
    public const string Forecast = "forecast";
}

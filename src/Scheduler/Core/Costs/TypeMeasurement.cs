namespace Tuner.Core.Costs;

/// <summary>What a sweep's runs on one machine type trained and what that cost (their lines in the ledger).</summary>
public sealed record TypeMeasurement(string InstanceType, int Epochs, double Seconds, decimal Usd)
{
    public decimal UsdPerEpoch => Epochs > 0 ? Usd / Epochs : 0;

    public double SecondsPerEpoch => Epochs > 0 ? Seconds / Epochs : 0;
}

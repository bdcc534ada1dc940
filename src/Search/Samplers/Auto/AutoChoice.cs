namespace Tuner.Search.Samplers.Auto;

/// <summary>The sampler <see cref="AutoSampler"/> uses for an ask.</summary>
public enum AutoChoice
{
    Tpe,
    Gp,
}

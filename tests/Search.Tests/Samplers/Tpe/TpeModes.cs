using Tuner.Search.Samplers.Tpe;

namespace Tuner.Search.Tests.Samplers.Tpe;

/// <summary>The three TPE modes every property test runs under.</summary>
public static class TpeModes
{
    public static TheoryData<string> Names => ["univariate", "multivariate", "group"];

    public static TpeOptions Options(string mode, int startupTrials = 10) => mode switch
    {
        "univariate" => new TpeOptions(StartupTrials: startupTrials),
        "multivariate" => new TpeOptions(StartupTrials: startupTrials, Multivariate: true),
        "group" => new TpeOptions(StartupTrials: startupTrials, Multivariate: true, Group: true),
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "mode must be univariate, multivariate or group"),
    };
}

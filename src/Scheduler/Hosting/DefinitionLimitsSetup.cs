using Microsoft.Extensions.Options;
using Tuner.Scheduler.Definitions;

namespace Tuner.Scheduler.Hosting;

/// <summary>Binds <see cref="DefinitionLimits"/> from the environment: <c>TUNER_LIMITS__MAX_TRIALS=50000</c> sets
/// <c>MAX_TRIALS</c>. Only variables under <c>TUNER_</c> are read, so no other setting reaches the host by this path.</summary>
public static class DefinitionLimitsSetup
{
    public static IServiceCollection AddDefinitionLimits(this IServiceCollection services, IConfiguration? configuration = null)
    {
        services.AddOptions<DefinitionLimits>()
            .Bind((configuration ?? FromEnvironment()).GetSection(DefinitionLimits.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        return services;
    }

    /// <summary>The limits the environment sets, checked; for commands that parse a definition before any host runs.</summary>
    /// <exception cref="OptionsValidationException">A limit is out of its range; the message lists every one.</exception>
    public static DefinitionLimits Read(IConfiguration? configuration = null)
    {
        using var services = new ServiceCollection().AddDefinitionLimits(configuration).BuildServiceProvider();
        return services.GetRequiredService<IOptions<DefinitionLimits>>().Value;
    }

    private static IConfiguration FromEnvironment() => new ConfigurationBuilder().AddEnvironmentVariables("TUNER_").Build();
}

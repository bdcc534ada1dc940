using Microsoft.Extensions.Options;
using Tuner.Core.Definitions;
using Tuner.Core;

namespace Tuner.Scheduler.Hosting;

/// <summary>Binds <see cref="DefinitionLimits"/> from the environment: <c>TUNER_LIMITS__MAX_TRIALS=50000</c> sets
/// <c>MAX_TRIALS</c>. Only variables under <c>TUNER_</c> are read, so no other setting reaches the host by this path.</summary>
public static class DefinitionLimitsSetup
{
    public static IServiceCollection AddDefinitionLimits(this IServiceCollection services, IConfiguration? configuration = null)
    {
        services.AddOptions<DefinitionLimits>()
            .Configure(limits => Bind((configuration ?? FromEnvironment()).GetSection(DefinitionLimits.Section), limits))
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

    /// <summary>The binder's own error for a value that is not a number names the configuration key, not the variable.</summary>
    private static void Bind(IConfigurationSection section, DefinitionLimits limits)
    {
        try
        {
            section.Bind(limits);
        }
        catch (InvalidOperationException e)
        {
            // "Failed to convert configuration value 'abc' at 'LIMITS:MAX_TRIALS' to type 'System.Int32'."
            var bad = section.GetChildren().FirstOrDefault(c => e.Message.Contains($"at '{c.Path}'", StringComparison.OrdinalIgnoreCase));
            var variable = bad is null ? $"TUNER_{DefinitionLimits.Section.ToUpperInvariant()}__*" : $"TUNER_{bad.Path.Replace(":", "__", StringComparison.Ordinal)}";
            throw new SettingsException($"{variable} must be a whole number, but got '{bad?.Value}'");
        }
    }

    private static IConfiguration FromEnvironment() => new ConfigurationBuilder().AddEnvironmentVariables("TUNER_").Build();
}

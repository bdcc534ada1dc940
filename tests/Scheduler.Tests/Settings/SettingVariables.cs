using Microsoft.Extensions.Configuration;
using Tuner.Core.Settings;
using Tuner.Scheduler.Hosting.Settings;

namespace Tuner.Scheduler.Tests.Settings;

/// <summary>TUNER_* variables turned into configuration as `tuner` turns the environment into it: the prefix dropped, <c>__</c> a section.</summary>
internal static class SettingVariables
{
    public static IConfiguration Configuration(IReadOnlyDictionary<string, string?> variables) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(variables
                .Where(v => v.Key.StartsWith(SettingCatalog.VariablePrefix, StringComparison.Ordinal))
                .Select(v => KeyValuePair.Create(v.Key[SettingCatalog.VariablePrefix.Length..].Replace("__", ":", StringComparison.Ordinal), v.Value)))
            .Build();

    /// <summary>Every known setting's variable, looked up in <paramref name="variable"/>.</summary>
    public static IConfiguration Configuration(Func<string, string?> variable) =>
        Configuration(SettingTypes.All.ToDictionary(s => s.Variable, s => variable(s.Variable)));
}

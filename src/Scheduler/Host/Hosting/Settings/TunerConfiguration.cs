using Microsoft.Extensions.Configuration.Json;
using Tuner.Core.Settings;
using Tuner.Scheduler.Cli.Failures;

namespace Tuner.Scheduler.Hosting.Settings;

/// <summary>
/// Where settings come from: the TUNER_* environment variables over an optional JSON config file. The file is the one
/// named by --config or TUNER_CONFIG (it must then exist), else <c>tuner.json</c> in the working directory when there is
/// one. Its keys are the variable names without <c>TUNER_</c> (<c>"LEASE_SECONDS": 30</c>; the limits as
/// <c>"LIMITS": { "MAX_TRIALS": 500 }</c>), and a variable that is set wins over the file.
/// </summary>
public sealed class TunerConfiguration
{
    public const string FileVariable = "TUNER_CONFIG";
    public const string DefaultFileName = "tuner.json";

    private TunerConfiguration(IConfigurationRoot root, string? file)
    {
        Root = root;
        File = file;
    }

    public IConfigurationRoot Root { get; }

    /// <summary>The full path of the config file read, or null when there is none.</summary>
    public string? File { get; }

    /// <param name="option">--config, which wins over TUNER_CONFIG.</param>
    /// <exception cref="CliFailure">The file named does not exist, cannot be read or is not JSON.</exception>
    public static TunerConfiguration Load(string? option)
    {
        var (named, source) = string.IsNullOrWhiteSpace(option)
            ? (Environment.GetEnvironmentVariable(FileVariable), FileVariable)
            : (option, "--config");
        var orElse = $"unset {source}";
        string? file = null;
        if (!string.IsNullOrWhiteSpace(named))
        {
            file = Path.GetFullPath(named);
            if (!System.IO.File.Exists(file))
                throw new CliFailure(ExitCodes.BadInput, $"{source} names the config file '{named}', which does not exist; create it, or unset {source}");
        }
        else if (System.IO.File.Exists(DefaultFileName))
        {
            file = Path.GetFullPath(DefaultFileName);
            orElse = "move it away";
        }

        var builder = new ConfigurationBuilder();
        if (file is not null) builder.AddJsonFile(file, optional: false, reloadOnChange: false);
        builder.AddEnvironmentVariables(SettingCatalog.VariablePrefix);
        try
        {
            return new TunerConfiguration(builder.Build(), file);
        }
        catch (InvalidDataException e)
        {
            var reason = e.GetBaseException().Message;
            throw new CliFailure(ExitCodes.BadInput, $"the config file {file} is not a JSON object of settings ({reason.TrimEnd('.')}); fix it, or {orElse}");
        }
    }

    /// <summary>A reader whose problems name the file and key of each value that came from the file.</summary>
    public SettingsReader Reader() => new(Root, FromFile);

    /// <summary>Keys in the file that name no setting (a typo would otherwise be ignored without a word).</summary>
    public IEnumerable<string> UnknownFileKeys(IEnumerable<Setting> known)
    {
        if (Root.Providers.OfType<JsonConfigurationProvider>().SingleOrDefault() is not { } json) return [];
        var paths = known.Select(s => s.Path).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return Leaves(json, null).Where(p => !paths.Contains(p)).Select(p => $"the config file {File} has the key {p.Replace(":", ".", StringComparison.Ordinal)}, which is not a setting (see README's Configuration)");
    }

    private string? FromFile(string path) =>
        Root.Providers.LastOrDefault(p => p.TryGet(path, out _)) is JsonConfigurationProvider
            ? $"{path.Replace(":", ".", StringComparison.Ordinal)} in {File}"
            : null;

    private static IEnumerable<string> Leaves(IConfigurationProvider provider, string? parent)
    {
        foreach (var key in provider.GetChildKeys([], parent).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var path = parent is null ? key : $"{parent}:{key}";
            var children = provider.GetChildKeys([], path).Any();
            if (!children) yield return path;
            else foreach (var leaf in Leaves(provider, path)) yield return leaf;
        }
    }
}

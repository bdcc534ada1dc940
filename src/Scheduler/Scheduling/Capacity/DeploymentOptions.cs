using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Tuner.Core.Settings;

namespace Tuner.Scheduling.Capacity;

/// <summary>What the scheduler puts on the cloud machines it launches: their name, image, database address and environment.</summary>
public sealed partial class DeploymentOptions : IValidatableObject
{
    public const string DefaultDeployment = "tuner";

    [ConfigurationKeyName("DEPLOYMENT")]
    [Setting("the name put on every machine Tuner launches (the `tuner-deployment` tag or label); the reconciler owns every instance carrying it")]
    public string Deployment { get; set; } = DefaultDeployment;

    [ConfigurationKeyName("WORKER_IMAGE")]
    [Setting("the worker container image cloud machines run")]
    public string? WorkerImage { get; set; }

    [ConfigurationKeyName("WORKER_DATABASE_URL")]
    [Setting("how workers reach PostgreSQL as your own worker role; unset, workers sign in as the role the server makes for them, never as the scheduler (docs/cloud-capacity.md, \"The worker role\")")]
    public string? WorkerDatabaseUrl { get; set; }

    [ConfigurationKeyName("WORKER_ENV")]
    [Setting("names of variables (comma-separated) whose values the scheduler copies into cloud workers' startup scripts, e.g. an HMAC key's `AWS_ACCESS_KEY_ID,AWS_SECRET_ACCESS_KEY`")]
    public string? WorkerEnvironment { get; set; }

    /// <summary>The names in <see cref="WorkerEnvironment"/>.</summary>
    public IReadOnlyList<string> WorkerEnvironmentNames =>
        (WorkerEnvironment ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!DeploymentPattern().IsMatch(Deployment))
            yield return new($"{SettingCatalog.Variable<DeploymentOptions>(nameof(Deployment))} must be 1-40 lowercase letters, digits or '-', starting with a letter (it becomes a GCE label), but got '{Deployment}'");
        if (WorkerEnvironmentNames.FirstOrDefault(n => !VariableName().IsMatch(n)) is { } bad)
            yield return new($"{SettingCatalog.Variable<DeploymentOptions>(nameof(WorkerEnvironment))} must list variable names separated by commas, but got '{bad}'");
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{0,39}$")]
    private static partial Regex DeploymentPattern();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex VariableName();
}

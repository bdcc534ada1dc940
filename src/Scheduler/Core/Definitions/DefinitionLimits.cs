using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Tuner.Core.Settings;

namespace Tuner.Core.Definitions;

/// <summary>
/// How much one submitted definition may ask of the server. An operator changes them through configuration section
/// <see cref="Section"/>, e.g. the environment variable <c>TUNER_LIMITS__MAX_TRIALS=50000</c>. They apply when a
/// sweep is submitted; a stored sweep keeps running under the limits it was accepted with.
/// </summary>
[SettingsSection(Section)]
public sealed class DefinitionLimits
{
    public const string Section = "LIMITS";

    /// <summary>Largest request body, in bytes, POST /api/sweeps reads; a larger one answers 413.</summary>
    [ConfigurationKeyName("MAX_DEFINITION_BYTES")]
    [Setting("largest sweep definition, in bytes, that `POST /api/sweeps` reads (a larger one gets 413)")]
    [Range(1_024, 16 * 1024 * 1024, ErrorMessage = "TUNER_LIMITS__MAX_DEFINITION_BYTES must be a whole number from {1} to {2}")]
    public int MaxDefinitionBytes { get; set; } = 1024 * 1024;

    [ConfigurationKeyName("MAX_TRIALS")]
    [Setting("largest `budget.max_trials` a definition may ask")]
    [Range(1, 10_000_000, ErrorMessage = "TUNER_LIMITS__MAX_TRIALS must be a whole number from {1} to {2}")]
    public int MaxTrials { get; set; } = 100_000;

    [ConfigurationKeyName("MAX_PARALLELISM")]
    [Setting("largest `budget.parallelism`")]
    [Range(1, 100_000, ErrorMessage = "TUNER_LIMITS__MAX_PARALLELISM must be a whole number from {1} to {2}")]
    public int MaxParallelism { get; set; } = 1_000;

    [ConfigurationKeyName("MAX_ATTEMPTS")]
    [Setting("largest `budget.max_attempts`")]
    [Range(1, 1_000, ErrorMessage = "TUNER_LIMITS__MAX_ATTEMPTS must be a whole number from {1} to {2}")]
    public int MaxAttempts { get; set; } = 100;

    /// <summary>Longest <c>budget.deadline</c>, in days (at most ten years, so the deadline is always a valid date).</summary>
    [ConfigurationKeyName("MAX_DEADLINE_DAYS")]
    [Setting("longest `budget.deadline`, in days")]
    [Range(1, 3_650, ErrorMessage = "TUNER_LIMITS__MAX_DEADLINE_DAYS must be a whole number from {1} to {2}")]
    public int MaxDeadlineDays { get; set; } = 365;

    /// <summary>Parameters in <c>space</c>.</summary>
    [ConfigurationKeyName("MAX_PARAMETERS")]
    [Setting("most parameters in `space`")]
    [Range(1, 10_000, ErrorMessage = "TUNER_LIMITS__MAX_PARAMETERS must be a whole number from {1} to {2}")]
    public int MaxParameters { get; set; } = 100;

    /// <summary>Choices of one categorical parameter.</summary>
    [ConfigurationKeyName("MAX_CHOICES")]
    [Setting("most choices of one categorical parameter")]
    [Range(1, 1_000_000, ErrorMessage = "TUNER_LIMITS__MAX_CHOICES must be a whole number from {1} to {2}")]
    public int MaxChoices { get; set; } = 100_000;

    /// <summary>Nesting of mappings and lists, as System.Text.Json allows by default; checked before the tree is built.</summary>
    public const int MaxDepth = 64;

    public TimeSpan MaxDeadline => TimeSpan.FromDays(MaxDeadlineDays);

    /// <summary>Limits for reading a sweep the server already accepted: only the document's shape is bounded.</summary>
    public static DefinitionLimits Stored => new()
    {
        MaxDefinitionBytes = int.MaxValue,
        MaxTrials = int.MaxValue,
        MaxParallelism = int.MaxValue,
        MaxAttempts = int.MaxValue,
        MaxDeadlineDays = 3_650,
        MaxParameters = int.MaxValue,
        MaxChoices = int.MaxValue,
    };

    /// <summary>The environment variable that sets a limit, for messages that tell an operator what to change.</summary>
    public static string VariableFor(string key) => $"TUNER_{Section}__{key}";
}

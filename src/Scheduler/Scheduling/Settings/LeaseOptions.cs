using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Tuner.Core.Settings;

namespace Tuner.Scheduling.Settings;

/// <summary>How long a worker owns a trial, and how long Hangfire hides a fetched job from other workers.</summary>
public sealed class LeaseOptions : IValidatableObject
{
    public const int DefaultLeaseSeconds = 20;
    public const int DefaultJobInvisibilitySeconds = 300;
    private const string Positive = "must be a positive whole number";

    [ConfigurationKeyName("LEASE_SECONDS")]
    [Setting("how long a worker owns a trial without a heartbeat (heartbeat every quarter of it)", Rule = Positive)]
    public int LeaseSeconds { get; set; } = DefaultLeaseSeconds;

    [ConfigurationKeyName("JOB_INVISIBILITY_SECONDS")]
    [Setting("Hangfire's sliding invisibility timeout for a fetched job (see below)", Rule = Positive)]
    public int JobInvisibilitySeconds { get; set; } = DefaultJobInvisibilitySeconds;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (LeaseSeconds <= 0)
            yield return new($"{SettingCatalog.Variable<LeaseOptions>(nameof(LeaseSeconds))} {Positive}, but got '{LeaseSeconds}'");
        if (JobInvisibilitySeconds <= 0)
            yield return new($"{SettingCatalog.Variable<LeaseOptions>(nameof(JobInvisibilitySeconds))} {Positive}, but got '{JobInvisibilitySeconds}'");
    }
}

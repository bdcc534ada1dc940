using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Tuner.Core.Capacity;
using Tuner.Core.Settings;

namespace Tuner.Scheduling.Workers;

/// <summary>What a `tuner worker` serves and where it runs; whoever launches the worker sets these.</summary>
public sealed partial class WorkerOptions : IValidatableObject
{
    public const string NoNotices = "none";

    [ConfigurationKeyName("QUEUE")]
    [Setting("(worker) the pool whose trials it runs; set by whoever launches the worker")]
    public string Queue { get; set; } = PoolNames.Local;

    [ConfigurationKeyName("INSTANCE_ID")]
    [Setting("(worker) the capacity instance it runs on; set by the launcher")]
    public string? InstanceId { get; set; }

    [ConfigurationKeyName("PREEMPTION_NOTICES")]
    [Setting("(worker) `aws` polls IMDSv2 for the spot `instance-action` every 5 s, `gcp` long-polls `preempted`; SIGTERM always counts")]
    public string PreemptionNotices { get; set; } = NoNotices;

    /// <summary><see cref="PreemptionNotices"/> as the watcher takes it: none, aws or gcp.</summary>
    public string NoticeKind => PreemptionNotices.Trim().ToLowerInvariant();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!QueuePattern().IsMatch(Queue))
            yield return new($"{SettingCatalog.Variable<WorkerOptions>(nameof(Queue))} must be 1-100 lowercase letters, digits or '_' (a pool name), but got '{Queue}'");
        if (NoticeKind is not (NoNotices or "aws" or "gcp"))
            yield return new($"{SettingCatalog.Variable<WorkerOptions>(nameof(PreemptionNotices))} must be none, aws or gcp, but got '{NoticeKind}'");
    }

    [GeneratedRegex("^[a-z0-9_]{1,100}$")]
    private static partial Regex QueuePattern();
}

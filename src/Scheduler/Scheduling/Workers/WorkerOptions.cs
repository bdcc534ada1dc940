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

    /// <summary>Off by default: a worker's only metrics are latencies it observes itself, and local workers share the
    /// server's environment, so one port for all of them would collide (the second worker then runs without it).</summary>
    [ConfigurationKeyName("WORKER_METRICS_PORT")]
    [Setting("(worker) port of the worker's own Prometheus `/metrics` (its latencies, [docs/metrics.md](docs/metrics.md)), on every interface; 0: none (`tuner server` serves `/metrics` at `TUNER_URLS`)", Rule = "must be 0 (no listener) or a port from 1 to 65535")]
    public int MetricsPort { get; set; }

    /// <summary><see cref="PreemptionNotices"/> as the watcher takes it: none, aws or gcp.</summary>
    public string NoticeKind => PreemptionNotices.Trim().ToLowerInvariant();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!QueuePattern().IsMatch(Queue))
            yield return new($"{SettingCatalog.Variable<WorkerOptions>(nameof(Queue))} must be 1-100 lowercase letters, digits or '_' (a pool name), but got '{Queue}'");
        if (NoticeKind is not (NoNotices or "aws" or "gcp"))
            yield return new($"{SettingCatalog.Variable<WorkerOptions>(nameof(PreemptionNotices))} must be none, aws or gcp, but got '{NoticeKind}'");
        if (MetricsPort is < 0 or > 65535)
            yield return new($"{SettingCatalog.Variable<WorkerOptions>(nameof(MetricsPort))} must be 0 (no listener) or a port from 1 to 65535, but got {MetricsPort}");
    }

    [GeneratedRegex("^[a-z0-9_]{1,100}$")]
    private static partial Regex QueuePattern();
}

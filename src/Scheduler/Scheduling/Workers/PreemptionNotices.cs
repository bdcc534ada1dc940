using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Tuner.Trainer.Preemption;

namespace Tuner.Scheduling.Workers;

/// <summary>
/// Listens for the cloud's preemption notice (<see cref="WorkerOptions.PreemptionNotices"/>: aws = IMDSv2 spot instance-action every 5 s,
/// gcp = the metadata `preempted` value with wait_for_change; none by default). On a notice the worker stops the way
/// SIGTERM stops it: the running trial checkpoints at its next batch and goes back to the queue, no new trial is taken,
/// and the process exits.
/// </summary>
public sealed class PreemptionNotices(
    WorkerOptions options,
    WorkerStopReason reason,
    IHostApplicationLifetime lifetime,
    IHttpClientFactory httpClients,
    TimeProvider clock,
    ILogger<PreemptionNotices> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var kind = options.NoticeKind;
        var watcher = Create(kind);
        if (watcher is null) return;
        logger.LogInformation("Listening for {Kind} preemption notices", kind);
        PreemptionNotice notice;
        try
        {
            notice = await watcher.WaitForNoticeAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        reason.Set(notice);
        var left = notice.TerminationTime is { } at ? $"{(at - clock.GetUtcNow()).TotalSeconds:0}s left" : "time left unknown";
        logger.LogWarning("Preemption notice from {Source}: {Detail} ({Left}); checkpointing, handing the trial back and exiting", notice.Source, notice.Detail, left);
        lifetime.StopApplication();
    }

    private IPreemptionWatcher? Create(string kind) => kind switch
    {
        WorkerOptions.NoNotices => null,
        "aws" => new Ec2SpotNoticeWatcher(httpClients.CreateClient("imds"), Ec2SpotNoticeWatcher.DefaultEndpoint(), clock,
            onRebalanceRecommendation: n => logger.LogInformation("EC2 rebalance recommendation: {Detail}; the worker keeps going until an interruption notice", n.Detail)),
        "gcp" => new GcePreemptionWatcher(httpClients.CreateClient("gce-metadata"), GcePreemptionWatcher.DefaultEndpoint(), clock),
        _ => throw new InvalidOperationException($"TUNER_PREEMPTION_NOTICES must be none, aws or gcp, but got '{kind}'"),
    };
}

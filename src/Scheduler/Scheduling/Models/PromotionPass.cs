using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Tuner.Scheduling.Settings;

namespace Tuner.Scheduling.Models;

/// <summary>Decides the champion of every model whose schedule's run has ended, every reconcile interval, in
/// `tuner server`. A loop of its own, beside the reconciler's: scoring two checkpoints can take minutes (a command's
/// evaluate program), and leases must not wait for it.</summary>
public sealed class PromotionPass(ChampionDecisions decisions, TunerSettings settings, TimeProvider clock, ILogger<PromotionPass> logger)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicPass.RunAsync("Promotion", settings.ReconcileInterval, clock, logger, decisions.DecideEndedRunsAsync, stoppingToken);
}

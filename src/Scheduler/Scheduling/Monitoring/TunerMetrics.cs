using Prometheus;
using Tuner.Trainer;

namespace Tuner.Scheduling.Monitoring;

/// <summary>
/// The metrics one `tuner` process exports, kept in a registry of its own (one per service container, so two hosts
/// in one process, as in tests, never share a series) and served at <c>/metrics</c> by `tuner server` and, when
/// TUNER_WORKER_METRICS_PORT is set, by `tuner worker`.
/// <para>
/// Latencies are observed where they happen, in whichever process runs the code: an orchestration pass (the sampler's
/// asks) runs in `tuner server` and, after every trial, in the worker that ran it; a report (the prune decision) runs
/// in the worker. Each process exports its own histograms and Prometheus adds them up across processes. Figures that
/// live in PostgreSQL (trials, queues, workers, preemptions, lease losses) are read when the server is scraped
/// (<see cref="DatabaseMetrics"/>), so they are right whichever process changed them and across restarts.
/// </para>
/// <para>
/// prometheus-net's types stay in Tuner.Scheduling and the host: the code that observes takes this class, never a
/// Prometheus type, and Tuner.Core knows nothing of metrics. prometheus-net rather than System.Diagnostics.Metrics with
/// an exporter: the names, units, buckets and labels below are exactly what Prometheus and the dashboard
/// (docker/grafana-dashboard.json) see, with no translation layer between a Meter's instrument and its exported name,
/// and a per-container registry needs no process-wide MeterListener.
/// </para>
/// </summary>
public sealed class TunerMetrics
{
    /// <summary>0.5 ms to 30 s: a random sampler answers in microseconds (the lowest bucket), GP and TPE over a long
    /// history in seconds; the prune decision includes its fenced transaction, milliseconds on a healthy database.</summary>
    private static readonly double[] LatencyBuckets =
        [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

    private readonly Histogram _samplerAsk;
    private readonly Histogram _pruneDecision;

    public TunerMetrics()
    {
        Registry = Prometheus.Metrics.NewCustomRegistry();
        Factory = Prometheus.Metrics.WithCustomRegistry(Registry);
        DotNetStats.Register(Registry);
        _samplerAsk = Factory.CreateHistogram(
            "tuner_sampler_ask_duration_seconds",
            "Time the sampler took to suggest one trial's parameters (one ISampler.Sample call in an orchestration pass).",
            new HistogramConfiguration { LabelNames = ["sampler"], Buckets = LatencyBuckets });
        _pruneDecision = Factory.CreateHistogram(
            "tuner_prune_decision_duration_seconds",
            "Time from an epoch's report reaching the scheduler to the pruner's decision, committed (FencedTrialHost.ReportAsync).",
            new HistogramConfiguration { LabelNames = ["decision"], Buckets = LatencyBuckets });
    }

    /// <summary>Where this process's series live; what <c>/metrics</c> serves.</summary>
    public CollectorRegistry Registry { get; }

    /// <summary>Creates metrics in <see cref="Registry"/>.</summary>
    public IMetricFactory Factory { get; }

    /// <param name="samplerKind">The definition's <c>sampler.kind</c> (one of SamplerCatalog.Kinds).</param>
    public void SamplerAsked(string samplerKind, TimeSpan elapsed) =>
        _samplerAsk.WithLabels(samplerKind.ToLowerInvariant()).Observe(elapsed.TotalSeconds);

    /// <param name="cancelRequested">The pruner let the trial go on but its sweep is being cancelled, so it stops.</param>
    public void PruneDecided(PruneDecision decision, bool cancelRequested, TimeSpan elapsed) =>
        _pruneDecision.WithLabels(cancelRequested ? "cancel" : decision == PruneDecision.Prune ? "prune" : "continue")
            .Observe(elapsed.TotalSeconds);
}

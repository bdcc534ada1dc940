namespace Tuner.Trainer.Preemption;

/// <summary>
/// Polls EC2's instance metadata (IMDSv2) for the spot interruption notice, which appears about two minutes before
/// the instance is stopped. The rebalance recommendation (an earlier, weaker hint) is a notice only when
/// <c>treatRebalanceAsNotice</c> is true; otherwise it goes to <c>onRebalanceRecommendation</c>, once, if given.
/// </summary>
public sealed class Ec2SpotNoticeWatcher : IPreemptionWatcher
{
    public const string EndpointVariable = "AWS_EC2_METADATA_SERVICE_ENDPOINT";
    public static readonly TimeSpan DefaultPollInterval = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan DefaultTokenLifetime = TimeSpan.FromSeconds(21600);

    private const string InstanceActionPath = "latest/meta-data/spot/instance-action";
    private const string RebalancePath = "latest/meta-data/events/recommendations/rebalance";

    private readonly ImdsV2Client _imds;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _pollInterval;
    private readonly bool _treatRebalanceAsNotice;
    private readonly Action<PreemptionNotice>? _onRebalanceRecommendation;
    private bool _rebalanceReported;

    public Ec2SpotNoticeWatcher(HttpClient http, Uri metadataEndpoint, TimeProvider clock,
        TimeSpan? pollInterval = null, bool treatRebalanceAsNotice = false, TimeSpan? tokenLifetime = null,
        Action<PreemptionNotice>? onRebalanceRecommendation = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(clock);
        _pollInterval = pollInterval ?? DefaultPollInterval;
        if (_pollInterval <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(pollInterval), $"pollInterval must be positive, but got {_pollInterval}");
        var lifetime = tokenLifetime ?? DefaultTokenLifetime;
        if (lifetime < TimeSpan.FromSeconds(1) || lifetime > DefaultTokenLifetime)
            throw new ArgumentOutOfRangeException(nameof(tokenLifetime),
                $"tokenLifetime must be between 1 s and 21600 s (the IMDSv2 limits), but got {lifetime}");
        _imds = new ImdsV2Client(http, metadataEndpoint, clock, lifetime);
        _clock = clock;
        _treatRebalanceAsNotice = treatRebalanceAsNotice;
        _onRebalanceRecommendation = onRebalanceRecommendation;
    }

    /// <summary>AWS_EC2_METADATA_SERVICE_ENDPOINT when set (as the AWS SDKs read it), else http://169.254.169.254.</summary>
    public static Uri DefaultEndpoint()
    {
        var configured = Environment.GetEnvironmentVariable(EndpointVariable);
        return string.IsNullOrWhiteSpace(configured)
            ? new Uri("http://169.254.169.254/")
            : MetadataEndpoints.FromHostOrUrl(configured.Trim());
    }

    public async Task<PreemptionNotice> WaitForNoticeAsync(CancellationToken ct)
    {
        while (true)
        {
            if (await PollOnceAsync(ct) is { } notice)
                return notice;
            await Task.Delay(_pollInterval, _clock, ct);
        }
    }

    private async Task<PreemptionNotice?> PollOnceAsync(CancellationToken ct)
    {
        try
        {
            if (await _imds.GetAsync(InstanceActionPath, ct) is { } action)
                return Ec2NoticeParser.InstanceAction(action);
            if (!_treatRebalanceAsNotice && (_onRebalanceRecommendation is null || _rebalanceReported))
                return null;
            if (await _imds.GetAsync(RebalancePath, ct) is not { } rebalance)
                return null;
            var notice = Ec2NoticeParser.Rebalance(rebalance);
            if (_treatRebalanceAsNotice)
                return notice;
            _rebalanceReported = true;
            _onRebalanceRecommendation!(notice);
            return null;
        }
        catch (Exception error) when (MetadataEndpoints.IsTransient(error, ct))
        {
            return null; // IMDS hiccup: try again next poll
        }
    }
}

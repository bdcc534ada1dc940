using Microsoft.Extensions.Configuration;
using Tuner.Core.Settings;

namespace Tuner.Capacity.Gcp;

/// <summary>Where and how the <c>gcp</c> provider launches Compute Engine VMs, checked and built from
/// <see cref="GcpSettings"/> (the TUNER_GCP_* variables that set each value) by <see cref="From(GcpSettings, ICollection{string})"/>.</summary>
/// <param name="Project">The project id that owns the VMs (TUNER_GCP_PROJECT).</param>
/// <param name="Zones">Zones to try, in order, until one has capacity (TUNER_GCP_ZONES).</param>
/// <param name="Image">Boot image, e.g. an image family URL (TUNER_GCP_IMAGE).</param>
/// <param name="Network">The VPC network (TUNER_GCP_NETWORK).</param>
/// <param name="Subnetwork">The subnetwork, when the network is in custom mode (TUNER_GCP_SUBNETWORK).</param>
/// <param name="ServiceAccount">Service account email the VM runs as, with scope cloud-platform (TUNER_GCP_SERVICE_ACCOUNT).</param>
/// <param name="DiskGb">Boot disk size in GB (TUNER_GCP_DISK_GB).</param>
/// <param name="TerminationAction">What happens to a preempted spot VM (TUNER_GCP_TERMINATION_ACTION).</param>
/// <param name="AcceleratorType">GPU type attached when a launch asks for GPUs (TUNER_GCP_ACCELERATOR_TYPE).</param>
/// <param name="Endpoint">Compute Engine REST base URL, ending in '/' (TUNER_GCP_ENDPOINT).</param>
/// <param name="OperationTimeout">How long one launch or delete waits for its zone operation to be DONE (TUNER_GCP_OPERATION_TIMEOUT_SECONDS).</param>
/// <param name="PollInterval">Pause between operation waits that come back before DONE.</param>
public sealed record GcpOptions(
    string Project,
    IReadOnlyList<string> Zones,
    string Image = GcpOptions.DefaultImage,
    string Network = GcpOptions.DefaultNetwork,
    string? Subnetwork = null,
    string? ServiceAccount = null,
    int DiskGb = GcpSettings.DefaultDiskGb,
    GcpTerminationAction TerminationAction = GcpTerminationAction.Delete,
    string AcceleratorType = GcpOptions.DefaultAcceleratorType,
    Uri? Endpoint = null,
    TimeSpan? OperationTimeout = null,
    TimeSpan? PollInterval = null)
{
    public const string DefaultImage = "projects/cos-cloud/global/images/family/cos-stable";
    public const string DefaultNetwork = "global/networks/default";
    public const string DefaultAcceleratorType = "nvidia-tesla-t4";
    public const string DefaultEndpointText = "https://compute.googleapis.com/compute/v1/";
    public static readonly Uri DefaultEndpoint = new(DefaultEndpointText);

    /// <summary>The OAuth scope the provider's credential needs.</summary>
    public const string ComputeScope = "https://www.googleapis.com/auth/compute";

    public Uri EffectiveEndpoint => Endpoint ?? DefaultEndpoint;
    public TimeSpan EffectiveOperationTimeout => OperationTimeout ?? TimeSpan.FromSeconds(GcpSettings.DefaultOperationTimeoutSeconds);
    public TimeSpan EffectivePollInterval => PollInterval ?? TimeSpan.FromSeconds(2);

    /// <summary>Binds <see cref="GcpSettings"/> from <paramref name="configuration"/> and checks every TUNER_GCP_* setting.</summary>
    /// <exception cref="Tuner.Core.SettingsException">Some setting is wrong; the message ("invalid GCP capacity settings: ...") names every one.</exception>
    public static GcpOptions From(IConfiguration configuration)
    {
        var reader = new SettingsReader(configuration);
        var settings = reader.Read<GcpSettings>();
        var problems = reader.Problems.ToList();
        var options = GcpOptionsReader.Read(settings, problems);
        GcpOptionsReader.ThrowIfAny(problems);
        return options!;
    }

    /// <summary>Checks every TUNER_GCP_* setting; null, with each problem added to <paramref name="problems"/>, when any is wrong.</summary>
    public static GcpOptions? From(GcpSettings settings, ICollection<string> problems) => GcpOptionsReader.Read(settings, problems);
}

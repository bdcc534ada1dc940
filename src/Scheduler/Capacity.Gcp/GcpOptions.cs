namespace Tuner.Capacity.Gcp;

/// <summary>Where and how the <c>gcp</c> provider launches Compute Engine VMs (see <see cref="GcpOptionsReader"/>
/// for the TUNER_GCP_* variables that set each value).</summary>
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
    int DiskGb = 50,
    GcpTerminationAction TerminationAction = GcpTerminationAction.Delete,
    string AcceleratorType = GcpOptions.DefaultAcceleratorType,
    Uri? Endpoint = null,
    TimeSpan? OperationTimeout = null,
    TimeSpan? PollInterval = null)
{
    public const string DefaultImage = "projects/cos-cloud/global/images/family/cos-stable";
    public const string DefaultNetwork = "global/networks/default";
    public const string DefaultAcceleratorType = "nvidia-tesla-t4";
    public static readonly Uri DefaultEndpoint = new("https://compute.googleapis.com/compute/v1/");

    /// <summary>The OAuth scope the provider's credential needs.</summary>
    public const string ComputeScope = "https://www.googleapis.com/auth/compute";

    public Uri EffectiveEndpoint => Endpoint ?? DefaultEndpoint;
    public TimeSpan EffectiveOperationTimeout => OperationTimeout ?? TimeSpan.FromMinutes(5);
    public TimeSpan EffectivePollInterval => PollInterval ?? TimeSpan.FromSeconds(2);

    /// <summary>Reads and validates TUNER_GCP_*; throws one <see cref="ArgumentException"/> naming every problem.</summary>
    public static GcpOptions FromEnvironment(Func<string, string?> variable) => GcpOptionsReader.Read(variable);

    public static GcpOptions FromEnvironment(IReadOnlyDictionary<string, string?> variables) =>
        GcpOptionsReader.Read(name => variables.TryGetValue(name, out var value) ? value : null);
}

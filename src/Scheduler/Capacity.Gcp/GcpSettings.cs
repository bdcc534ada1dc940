using Microsoft.Extensions.Configuration;
using Tuner.Core.Settings;

namespace Tuner.Capacity.Gcp;

/// <summary>
/// The TUNER_GCP_* settings as configuration gives them; <see cref="GcpOptions.From(GcpSettings, ICollection{string})"/> checks them all
/// and turns them into the provider's options. The provider is on when any of them is set.
/// </summary>
public sealed class GcpSettings
{
    public const int DefaultDiskGb = 50;
    public const string DefaultTerminationAction = "DELETE";
    public const int DefaultOperationTimeoutSeconds = 300;

    [ConfigurationKeyName("GCP_PROJECT")]
    [Setting("required: the project id that owns the VMs")]
    public string? Project { get; set; }

    [ConfigurationKeyName("GCP_ZONES")]
    [Setting("required: zones to try, comma-separated, in order, until one has capacity")]
    public string? Zones { get; set; }

    [ConfigurationKeyName("GCP_IMAGE")]
    [Setting("boot image, e.g. an image family URL")]
    public string Image { get; set; } = GcpOptions.DefaultImage;

    [ConfigurationKeyName("GCP_NETWORK")]
    [Setting("the VPC network")]
    public string Network { get; set; } = GcpOptions.DefaultNetwork;

    [ConfigurationKeyName("GCP_SUBNETWORK")]
    [Setting("the subnetwork, when the network is not in auto mode")]
    public string? Subnetwork { get; set; }

    [ConfigurationKeyName("GCP_SERVICE_ACCOUNT")]
    [Setting("the workers' service account email (scope `cloud-platform`)")]
    public string? ServiceAccount { get; set; }

    [ConfigurationKeyName("GCP_DISK_GB")]
    [Setting("boot disk size in GB; the CUDA image needs the room", Rule = "must be a whole number of GB")]
    public int DiskGb { get; set; } = DefaultDiskGb;

    [ConfigurationKeyName("GCP_TERMINATION_ACTION")]
    [Setting("what a preemption does to the VM (`DELETE`, or `STOP`: Tuner then deletes the stopped VM)")]
    public string TerminationAction { get; set; } = DefaultTerminationAction;

    [ConfigurationKeyName("GCP_ACCELERATOR_TYPE")]
    [Setting("the GPU type for pools with `gpus` > 0")]
    public string AcceleratorType { get; set; } = GcpOptions.DefaultAcceleratorType;

    [ConfigurationKeyName("GCP_ENDPOINT")]
    [Setting("Compute Engine REST base URL (tests)", Default = GcpOptions.DefaultEndpointText)]
    public string? Endpoint { get; set; }

    [ConfigurationKeyName("GCP_OPERATION_TIMEOUT_SECONDS")]
    [Setting("how long one launch or delete waits for its zone operation to be DONE", Rule = "must be a positive whole number")]
    public int OperationTimeoutSeconds { get; set; } = DefaultOperationTimeoutSeconds;

}

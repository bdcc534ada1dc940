using System.Globalization;
using System.Text.Json.Nodes;
using Tuner.Core.Capacity;

namespace Tuner.Capacity.Gcp;

/// <summary>The instances.insert body for one launch attempt in one zone with one machine type.</summary>
internal static class GceInstanceBody
{
    private const string CloudPlatformScope = "https://www.googleapis.com/auth/cloud-platform";

    public static JsonObject For(LaunchRequest request, string name, string zone, string machineType, GcpOptions options)
    {
        var body = new JsonObject
        {
            ["name"] = name,
            ["machineType"] = $"zones/{zone}/machineTypes/{machineType}",
            ["scheduling"] = Scheduling(request, options),
            ["disks"] = new JsonArray(new JsonObject
            {
                ["boot"] = true,
                ["autoDelete"] = true,
                ["initializeParams"] = new JsonObject
                {
                    ["sourceImage"] = options.Image,
                    ["diskSizeGb"] = options.DiskGb.ToString(CultureInfo.InvariantCulture),
                    // The boot disk is billed on its own: it carries the sweep's labels too.
                    ["labels"] = Labels(request),
                },
            }),
            ["networkInterfaces"] = new JsonArray(NetworkInterface(options)),
            ["metadata"] = new JsonObject
            {
                ["items"] = new JsonArray(new JsonObject { ["key"] = "startup-script", ["value"] = request.StartupScript }),
            },
            ["labels"] = Labels(request),
        };
        if (request.GpuCount > 0)
        {
            body["guestAccelerators"] = new JsonArray(new JsonObject
            {
                ["acceleratorType"] = $"zones/{zone}/acceleratorTypes/{options.AcceleratorType}",
                ["acceleratorCount"] = request.GpuCount,
            });
        }
        if (options.ServiceAccount is { } account)
        {
            body["serviceAccounts"] = new JsonArray(new JsonObject
            {
                ["email"] = account,
                ["scopes"] = new JsonArray(CloudPlatformScope),
            });
        }
        return body;
    }

    private static JsonObject Labels(LaunchRequest request) =>
        new(GceLabels.For(request).Select(l => KeyValuePair.Create(l.Key, (JsonNode?)l.Value)));

    /// <summary>Spot: SPOT provisioning, the configured termination action, no live migration or restart. On-demand:
    /// STANDARD, live migration and automatic restart, except that VMs with GPUs cannot migrate (TERMINATE).</summary>
    private static JsonObject Scheduling(LaunchRequest request, GcpOptions options)
    {
        if (request.Market == CapacityMarket.Spot)
        {
            return new JsonObject
            {
                ["provisioningModel"] = "SPOT",
                ["instanceTerminationAction"] = options.TerminationAction == GcpTerminationAction.Stop ? "STOP" : "DELETE",
                ["onHostMaintenance"] = "TERMINATE",
                ["automaticRestart"] = false,
            };
        }
        return new JsonObject
        {
            ["provisioningModel"] = "STANDARD",
            ["onHostMaintenance"] = request.GpuCount > 0 ? "TERMINATE" : "MIGRATE",
            ["automaticRestart"] = true,
        };
    }

    private static JsonObject NetworkInterface(GcpOptions options)
    {
        var nic = new JsonObject { ["network"] = options.Network };
        if (options.Subnetwork is { } subnetwork)
            nic["subnetwork"] = subnetwork;
        nic["accessConfigs"] = new JsonArray(new JsonObject { ["type"] = "ONE_TO_ONE_NAT", ["name"] = "External NAT" });
        return nic;
    }
}

using Tuner.Capacity.Gcp;
using Tuner.Scheduler.Hosting;
using Tuner.Core;
using Tuner.Scheduler.Tests.Settings;

namespace Tuner.Scheduler.Tests.Capacity.Gcp;

public sealed class GcpOptionsTests
{
    private static GcpOptions FromVariables(IReadOnlyDictionary<string, string?> variables) => GcpOptions.From(SettingVariables.Configuration(variables));

    private static GcpOptions FromVariables(Func<string, string?> variable) => GcpOptions.From(SettingVariables.Configuration(variable));

    [Fact]
    public void FromEnvironment_AppliesDefaults_WhenOnlyRequiredValuesAreSet()
    {
        var options = FromVariables(new Dictionary<string, string?>
        {
            ["TUNER_GCP_PROJECT"] = "ml-sweeps", ["TUNER_GCP_ZONES"] = "us-central1-a, us-central1-f",
        });

        Assert.Equal("ml-sweeps", options.Project);
        Assert.Equal(["us-central1-a", "us-central1-f"], options.Zones);
        Assert.Equal("projects/cos-cloud/global/images/family/cos-stable", options.Image);
        Assert.Equal("global/networks/default", options.Network);
        Assert.Null(options.Subnetwork);
        Assert.Null(options.ServiceAccount);
        Assert.Equal(50, options.DiskGb);
        Assert.Equal(GcpTerminationAction.Delete, options.TerminationAction);
        Assert.Equal("nvidia-tesla-t4", options.AcceleratorType);
        Assert.Equal(new Uri("https://compute.googleapis.com/compute/v1/"), options.EffectiveEndpoint);
        Assert.Equal(TimeSpan.FromMinutes(5), options.EffectiveOperationTimeout);
    }

    [Fact]
    public void FromEnvironment_ReadsEveryVariable()
    {
        var options = FromVariables(name => name switch
        {
            "TUNER_GCP_PROJECT" => "example.com:ml-sweeps",
            "TUNER_GCP_ZONES" => "europe-west4-a",
            "TUNER_GCP_IMAGE" => "projects/p/global/images/worker",
            "TUNER_GCP_NETWORK" => "global/networks/ml",
            "TUNER_GCP_SUBNETWORK" => "regions/europe-west4/subnetworks/ml",
            "TUNER_GCP_SERVICE_ACCOUNT" => "worker@ml-sweeps.iam.gserviceaccount.com",
            "TUNER_GCP_DISK_GB" => "200",
            "TUNER_GCP_TERMINATION_ACTION" => "stop",
            "TUNER_GCP_ACCELERATOR_TYPE" => "nvidia-l4",
            "TUNER_GCP_ENDPOINT" => "http://127.0.0.1:8080/compute/v1",
            "TUNER_GCP_OPERATION_TIMEOUT_SECONDS" => "90",
            _ => null,
        });

        Assert.Equal(new GcpOptions("example.com:ml-sweeps", options.Zones, "projects/p/global/images/worker", "global/networks/ml",
            "regions/europe-west4/subnetworks/ml", "worker@ml-sweeps.iam.gserviceaccount.com", 200, GcpTerminationAction.Stop,
            "nvidia-l4", new Uri("http://127.0.0.1:8080/compute/v1/"), TimeSpan.FromSeconds(90)), options);
        Assert.Equal(["europe-west4-a"], options.Zones);
    }

    [Fact]
    public void FromEnvironment_NamesEveryProblemAtOnce()
    {
        var error = Assert.Throws<SettingsException>(() => FromVariables(new Dictionary<string, string?>
        {
            ["TUNER_GCP_ZONES"] = "us-central1-a,us-central1,us-central1-a",
            ["TUNER_GCP_DISK_GB"] = "lots",
            ["TUNER_GCP_TERMINATION_ACTION"] = "HIBERNATE",
            ["TUNER_GCP_ENDPOINT"] = "compute.local",
            ["TUNER_GCP_SERVICE_ACCOUNT"] = "worker",
            ["TUNER_GCP_OPERATION_TIMEOUT_SECONDS"] = "0",
        }));

        Assert.Contains("TUNER_GCP_PROJECT must be a project id", error.Message);
        Assert.Contains("but got ''", error.Message);
        Assert.Contains("TUNER_GCP_ZONES must hold zone names like us-central1-a, but got 'us-central1'", error.Message);
        Assert.Contains("TUNER_GCP_ZONES must name each zone once, but got 'us-central1-a' more than once", error.Message);
        Assert.Contains("TUNER_GCP_DISK_GB must be a whole number of GB, but got 'lots'", error.Message);
        Assert.Contains("TUNER_GCP_TERMINATION_ACTION must be DELETE or STOP, but got 'HIBERNATE'", error.Message);
        Assert.Contains("TUNER_GCP_ENDPOINT must be an absolute http(s) URL, but got 'compute.local'", error.Message);
        Assert.Contains("TUNER_GCP_SERVICE_ACCOUNT must be a service account email, but got 'worker'", error.Message);
        Assert.Contains("TUNER_GCP_OPERATION_TIMEOUT_SECONDS must be a positive whole number, but got '0'", error.Message);
    }

    [Fact]
    public void FromEnvironment_RequiresZones()
    {
        var error = Assert.Throws<SettingsException>(() => FromVariables(new Dictionary<string, string?>
        {
            ["TUNER_GCP_PROJECT"] = "ml-sweeps", ["TUNER_GCP_DISK_GB"] = "5",
        }));

        Assert.Contains("TUNER_GCP_ZONES must list at least one zone", error.Message);
        Assert.Contains("TUNER_GCP_DISK_GB must be between 10 and 65536, but got 5", error.Message);
    }

    [Fact]
    public void Provider_RejectsInvalidOptions_WhenConstructed()
    {
        using var http = new HttpClient();

        var error = Assert.Throws<SettingsException>(() => new GcpCapacityProvider(new GcpOptions("ml-sweeps", []), http,
            Google.Apis.Auth.OAuth2.GoogleCredential.FromAccessToken("t"), TimeProvider.System));

        Assert.Contains("TUNER_GCP_ZONES must list at least one zone", error.Message);
    }
}

using System.Globalization;

namespace Tuner.TestSupport.Sweeps;

/// <summary>Sweep definitions whose trials run on an aws pool of g5.xlarge/g4dn.xlarge machines with one GPU.</summary>
public static class CloudSweeps
{
    public const string Pool = "aws_g5_xlarge_g4dn_xlarge_gpu1";

    public static string Aws(int parallelism = 1, int maxInstances = 4, int spotFailures = 3, string idleTimeout = "5m") =>
        SweepTexts.Small(maxTrials: 10, parallelism: parallelism) + string.Create(CultureInfo.InvariantCulture, $$"""

            capacity:
              provider: aws
              instance_types: [g5.xlarge, g4dn.xlarge]
              gpus: 1
              max_instances: {{maxInstances}}
              idle_timeout: {{idleTimeout}}
              on_demand_after_spot_failures: {{spotFailures}}
            labels: { team: ml-platform }
            """);
}

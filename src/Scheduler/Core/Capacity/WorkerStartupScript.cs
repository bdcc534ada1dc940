using System.Text;

namespace Tuner.Core.Capacity;

/// <summary>
/// The shell script that turns a fresh machine into a Tuner worker: EC2 user-data, the GCE startup-script, or the
/// command line of a local worker process. It carries the database connection string, so it is never logged.
/// </summary>
public static class WorkerStartupScript
{
    /// <summary>A local worker: this machine's `tuner`, its output appended to $TUNER_WORKER_LOG (set by the provider).</summary>
    public static string ForLocal(IReadOnlyDictionary<string, string> environment, IReadOnlyList<string> tunerCommand)
    {
        var script = new StringBuilder("exec >>\"${TUNER_WORKER_LOG:-/dev/null}\" 2>&1\n");
        foreach (var (name, value) in environment.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            script.Append("export ").Append(name).Append('=').Append(Quote(value)).Append('\n');
        }

        script.Append("exec ").AppendJoin(' ', tunerCommand.Select(Quote)).Append(" worker\n");
        return script.ToString();
    }

    /// <summary>
    /// A cloud machine with Docker: find the instance's own id in the metadata service, run the worker image with the
    /// environment, and power off when the worker exits (after a preemption notice, or when scaled down), so an idle
    /// machine never keeps running.
    /// </summary>
    /// <param name="provider">"aws" or "gcp": which metadata service and which preemption notices to use.</param>
    public static string ForCloud(IReadOnlyDictionary<string, string> environment, string provider, string image, int gpus)
    {
        var script = new StringBuilder("#!/bin/bash\n# Tuner worker, written by the Tuner scheduler.\nset -u\n");
        script.Append(provider switch
        {
            "aws" => "token=$(curl -sX PUT http://169.254.169.254/latest/api/token -H 'X-aws-ec2-metadata-token-ttl-seconds: 300')\n"
                     + "instance_id=$(curl -s -H \"X-aws-ec2-metadata-token: $token\" http://169.254.169.254/latest/meta-data/instance-id)\n",
            "gcp" => "instance_id=$(curl -s -H 'Metadata-Flavor: Google' http://metadata.google.internal/computeMetadata/v1/instance/zone | sed 's|.*/||')/"
                     + "$(curl -s -H 'Metadata-Flavor: Google' http://metadata.google.internal/computeMetadata/v1/instance/name)\n",
            _ => throw new ArgumentException($"provider must be aws or gcp, but got '{provider}'", nameof(provider)),
        });
        script.Append("docker run --rm --network host");
        if (gpus > 0) script.Append(" --gpus all");
        foreach (var (name, value) in environment.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            script.Append(" \\\n  -e ").Append(Quote($"{name}={value}"));
        }

        script.Append(" \\\n  -e TUNER_INSTANCE_ID=\"$instance_id\" -e TUNER_PREEMPTION_NOTICES=").Append(provider);
        script.Append(" \\\n  ").Append(Quote(image)).Append(" worker\n");
        script.Append("shutdown -h now\n");
        return script.ToString();
    }

    /// <summary>Single-quotes a value for bash.</summary>
    public static string Quote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}

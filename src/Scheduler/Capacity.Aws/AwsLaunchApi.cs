namespace Tuner.Capacity.Aws;

/// <summary>How the AWS provider launches a machine (TUNER_AWS_LAUNCH_API).</summary>
public enum AwsLaunchApi
{
    /// <summary>`fleet`: CreateFleet of type instant over every instance type × subnet, from a launch template.</summary>
    Fleet,

    /// <summary>`run-instances`: RunInstances with the first instance type, trying each subnet once on insufficient capacity.</summary>
    RunInstances,
}

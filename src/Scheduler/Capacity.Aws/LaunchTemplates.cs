using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Amazon.EC2;
using Amazon.EC2.Model;
using Tuner.Core.Capacity;

namespace Tuner.Capacity.Aws;

/// <summary>
/// The launch templates CreateFleet launches from (CreateFleet cannot set user-data itself). One template per deployment,
/// pool and content: the name ends in a hash of the script, image, instance profile, security groups and key, so a
/// changed script or setting makes a new template and an unchanged one is reused, found by name when it already exists.
/// </summary>
internal sealed class LaunchTemplates(IAmazonEC2 ec2, AwsCapacityOptions options)
{
    private readonly ConcurrentDictionary<string, string> _idsByName = new(StringComparer.Ordinal);

    public static string NameFor(LaunchRequest request, AwsCapacityOptions options)
    {
        var content = string.Join('\n', request.StartupScript, options.ImageId, options.InstanceProfile,
            string.Join(',', options.SecurityGroupIds), options.KeyName);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)))[..12];
        return $"tuner-{Clean(request.Deployment)}-{Clean(request.Pool)}-{hash}";
    }

    /// <summary>The id of the template for this request, created when it does not exist yet.</summary>
    public async Task<string> EnsureAsync(LaunchRequest request, string userData, CancellationToken ct)
    {
        var name = NameFor(request, options);
        if (_idsByName.TryGetValue(name, out var known))
            return known;
        var id = await CreateOrFindAsync(name, request.Deployment, userData, ct);
        _idsByName[name] = id;
        return id;
    }

    private async Task<string> CreateOrFindAsync(string name, string deployment, string userData, CancellationToken ct)
    {
        var create = new CreateLaunchTemplateRequest
        {
            LaunchTemplateName = name,
            VersionDescription = "Tuner worker",
            LaunchTemplateData = Data(userData),
            TagSpecifications =
            [
                new TagSpecification { ResourceType = ResourceType.LaunchTemplate, Tags = [new Tag(InstanceTags.Deployment, deployment)] },
            ],
        };
        try
        {
            var created = await Ec2Errors.CallAsync("CreateLaunchTemplate", () => ec2.CreateLaunchTemplateAsync(create, ct));
            return created.LaunchTemplate.LaunchTemplateId;
        }
        catch (CapacityException e) when (e.Code == Ec2Errors.TemplateExists)
        {
            var found = await Ec2Errors.CallAsync("DescribeLaunchTemplates",
                () => ec2.DescribeLaunchTemplatesAsync(new DescribeLaunchTemplatesRequest { LaunchTemplateNames = [name] }, ct));
            return found.LaunchTemplates?.FirstOrDefault()?.LaunchTemplateId
                   ?? throw new CapacityException(CapacityErrorKind.Rejected, e.Code,
                       $"EC2 said launch template '{name}' exists, but DescribeLaunchTemplates did not return it", e);
        }
    }

    private RequestLaunchTemplateData Data(string userData) => new()
    {
        ImageId = options.ImageId,
        UserData = userData,
        // The worker powers the machine off when it exits: that must end the instance, not leave it stopped.
        InstanceInitiatedShutdownBehavior = ShutdownBehavior.Terminate,
        KeyName = options.KeyName,
        SecurityGroupIds = options.SecurityGroupIds.Count > 0 ? [.. options.SecurityGroupIds] : null,
        IamInstanceProfile = options.InstanceProfile is null ? null
            : options.InstanceProfileIsArn ? new LaunchTemplateIamInstanceProfileSpecificationRequest { Arn = options.InstanceProfile }
            : new LaunchTemplateIamInstanceProfileSpecificationRequest { Name = options.InstanceProfile },
        // IMDSv2 only; two hops so the worker's container reaches the metadata service (spot notices).
        MetadataOptions = new LaunchTemplateInstanceMetadataOptionsRequest
        {
            HttpTokens = LaunchTemplateHttpTokensState.Required,
            HttpPutResponseHopLimit = 2,
        },
    };

    /// <summary>Launch template names allow letters, digits and ( ) . - / _; each part is cut to 40 characters.</summary>
    private static string Clean(string part)
    {
        var text = new StringBuilder(part.Length);
        foreach (var c in part)
            text.Append(char.IsAsciiLetterOrDigit(c) || "().-/_".Contains(c) ? c : '-');
        return text.Length > 40 ? text.ToString(0, 40) : text.ToString();
    }
}

using System.Text.RegularExpressions;
using System.Xml.Linq;
using static Tuner.Scheduler.Tests.Capacity.Aws.Fake.Ec2Xml;

namespace Tuner.Scheduler.Tests.Capacity.Aws.Fake;

/// <summary>CreateLaunchTemplate (names unique, 3-128 of letters, digits and ( ) . - / _) and DescribeLaunchTemplates.</summary>
internal static partial class FakeLaunchTemplates
{
    public static XElement Create(Ec2FakeState state, Ec2FakeRequest request, string requestId)
    {
        var name = request["LaunchTemplateName"] ?? throw new Ec2FakeError("MissingParameter", "The request must contain the parameter LaunchTemplateName");
        if (!NamePattern().IsMatch(name))
            throw new Ec2FakeError("InvalidLaunchTemplateName.MalformedException", $"A launch template name must be 3-128 characters of A-Za-z0-9().-/_, but got '{name}'.");
        if (state.TemplatesByName.ContainsKey(name))
            throw new Ec2FakeError("InvalidLaunchTemplateName.AlreadyExistsException", $"Launch template name already in use: {name}");
        var data = request.Form.Where(field => field.Key.StartsWith("LaunchTemplateData.", StringComparison.Ordinal))
            .ToDictionary(field => field.Key, field => field.Value);
        if (!data.ContainsKey("LaunchTemplateData.ImageId"))
            throw new Ec2FakeError("MissingParameter", "The fake needs LaunchTemplateData.ImageId");
        FakeUserData.Check(data.GetValueOrDefault("LaunchTemplateData.UserData"));
        var template = new FakeLaunchTemplate(state.NewId("lt"), name, data, request.Tags("launch-template"), state.Clock.GetUtcNow());
        state.TemplatesByName[name] = template;
        return Response("CreateLaunchTemplate", requestId, E("launchTemplate", Describe(template)));
    }

    public static XElement DescribeMany(Ec2FakeState state, Ec2FakeRequest request, string requestId)
    {
        var names = request.Values("LaunchTemplateName");
        var ids = request.Values("LaunchTemplateId");
        foreach (var missing in names.Where(name => !state.TemplatesByName.ContainsKey(name)))
            throw new Ec2FakeError("InvalidLaunchTemplateName.NotFoundException",
                $"At least one of the launch templates specified in the request does not exist: {missing}");
        var templates = state.TemplatesByName.Values
            .Where(t => (names.Count == 0 && ids.Count == 0) || names.Contains(t.Name) || ids.Contains(t.Id));
        return Response("DescribeLaunchTemplates", requestId, Items("launchTemplates", templates.Select(Describe)));
    }

    private static XElement[] Describe(FakeLaunchTemplate template) =>
    [
        E("createTime", Time(template.Created)),
        E("createdBy", "arn:aws:iam::123456789012:user/tuner"),
        E("defaultVersionNumber", 1),
        E("latestVersionNumber", 1),
        E("launchTemplateId", template.Id),
        E("launchTemplateName", template.Name),
        Tags(template.Tags),
    ];

    [GeneratedRegex(@"^[a-zA-Z0-9().\-/_]{3,128}$")]
    private static partial Regex NamePattern();
}

using Tuner.Capacity.Aws;
using static Tuner.Scheduler.Tests.Capacity.Aws.AwsHarness;

namespace Tuner.Scheduler.Tests.Capacity.Aws;

public sealed class LaunchTemplateTests
{
    [Fact]
    public async Task Launch_ReusesLaunchTemplate_WhenScriptIsUnchanged()
    {
        await using var aws = await StartAsync(AwsLaunchApi.Fleet);

        await aws.Provider.LaunchAsync(Request(), CancellationToken.None);
        await aws.Provider.LaunchAsync(Request(), CancellationToken.None);

        Assert.Single(aws.Fake.RequestsFor("CreateLaunchTemplate"));
        Assert.Equal(2, aws.Fake.Instances.Count);
    }

    [Fact]
    public async Task Launch_CreatesAnotherTemplate_WhenScriptChanges()
    {
        await using var aws = await StartAsync(AwsLaunchApi.Fleet);

        await aws.Provider.LaunchAsync(Request(), CancellationToken.None);
        await aws.Provider.LaunchAsync(Request(script: Script + "# v2\n"), CancellationToken.None);

        Assert.Equal(2, aws.Fake.LaunchTemplates.Count);
        var fleets = aws.Fake.RequestsFor("CreateFleet");
        Assert.Equal(
            aws.Fake.LaunchTemplates.Select(t => t.Id),
            fleets.Select(f => f["LaunchTemplateConfigs.1.LaunchTemplateSpecification.LaunchTemplateId"]));
    }

    [Fact]
    public async Task Launch_FindsTemplateByName_WhenAnotherSchedulerCreatedIt()
    {
        await using var aws = await StartAsync(AwsLaunchApi.Fleet);
        await aws.Provider.LaunchAsync(Request(), CancellationToken.None);
        using var restarted = NewProvider(aws.Options);

        await restarted.LaunchAsync(Request(), CancellationToken.None);

        var template = Assert.Single(aws.Fake.LaunchTemplates);
        Assert.Equal(2, aws.Fake.RequestsFor("CreateLaunchTemplate").Count);
        Assert.Equal([template.Name], aws.Fake.RequestsFor("DescribeLaunchTemplates").Single().Values("LaunchTemplateName"));
        Assert.All(aws.Fake.RequestsFor("CreateFleet"),
            fleet => Assert.Equal(template.Id, fleet["LaunchTemplateConfigs.1.LaunchTemplateSpecification.LaunchTemplateId"]));
    }

    [Fact]
    public void NameFor_KeepsOnlyCharactersEc2Allows_AndChangesWithSettings()
    {
        var options = new AwsCapacityOptions(Region, ImageId, [SubnetA], []);
        var request = Request() with { Deployment = "team a/prod!", Pool = new string('p', 60) };

        var name = LaunchTemplates.NameFor(request, options);
        var withOtherImage = LaunchTemplates.NameFor(request, options with { ImageId = "ami-0fedcba9876543210" });

        Assert.Matches(@"^tuner-team-a/prod--p{40}-[0-9a-f]{12}$", name);
        Assert.NotEqual(name, withOtherImage);
    }
}

using System.Net;
using System.Xml.Linq;

namespace Tuner.Scheduler.Tests.Capacity.Aws.Fake;

/// <summary>The fake's wire behaviour where the SDK cannot show it: the error envelope, statuses, signing.</summary>
public sealed class Ec2FakeTests
{
    private static async Task<(HttpStatusCode Status, XDocument Body)> PostAsync(Ec2Fake fake, string action, bool signed = true)
    {
        using var http = new HttpClient();
        using var message = new HttpRequestMessage(HttpMethod.Post, fake.Url)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Action"] = action, ["Version"] = "2016-11-15" }),
        };
        if (signed)
            message.Headers.TryAddWithoutValidation("Authorization",
                "AWS4-HMAC-SHA256 Credential=test/20250601/us-east-1/ec2/aws4_request, SignedHeaders=host, Signature=00");
        using var response = await http.SendAsync(message);
        return (response.StatusCode, XDocument.Parse(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Fake_AnswersErrorEnvelopeWith503_ForInjectedThrottling()
    {
        await using var fake = await Ec2Fake.StartAsync();
        fake.FailNext("DescribeInstances", "RequestLimitExceeded");

        var (status, body) = await PostAsync(fake, "DescribeInstances");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("RequestLimitExceeded", body.Root!.Element("Errors")!.Element("Error")!.Element("Code")!.Value);
        Assert.NotEmpty(body.Root.Element("RequestID")!.Value);
    }

    [Fact]
    public async Task Fake_AnswersInNamespaceWithRequestId_WhenCallSucceeds()
    {
        await using var fake = await Ec2Fake.StartAsync();

        var (status, body) = await PostAsync(fake, "DescribeInstances");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(Ec2Xml.Ns + "DescribeInstancesResponse", body.Root!.Name);
        Assert.NotEmpty(body.Root.Element(Ec2Xml.Ns + "requestId")!.Value);
        Assert.Equal("us-east-1", fake.Requests.Single().SigningRegion);
    }

    [Theory]
    [InlineData("DescribeInstances", false, HttpStatusCode.Unauthorized, "AuthFailure")]
    [InlineData("DescribeVolumes", true, HttpStatusCode.BadRequest, "InvalidAction")]
    public async Task Fake_RefusesUnsignedOrUnknownCalls(string action, bool signed, HttpStatusCode expectedStatus, string expectedCode)
    {
        await using var fake = await Ec2Fake.StartAsync();

        var (status, body) = await PostAsync(fake, action, signed);

        Assert.Equal((expectedStatus, expectedCode), (status, body.Descendants("Code").Single().Value));
    }
}

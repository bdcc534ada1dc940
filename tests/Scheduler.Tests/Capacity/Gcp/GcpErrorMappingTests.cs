using Tuner.Scheduling.Capacity;
using Tuner.Capacity.Gcp;
using Tuner.Scheduler.Tests.Capacity.Gcp.Fake;
using Tuner.Core.Capacity;
using Tuner.TestSupport;

namespace Tuner.Scheduler.Tests.Capacity.Gcp;

public sealed class GcpErrorMappingTests
{
    public static TheoryData<string, CapacityErrorKind, string> Failures => new()
    {
        { nameof(FakeGceFailure.QuotaInOperation), CapacityErrorKind.Quota, "QUOTA_EXCEEDED" },
        { nameof(FakeGceFailure.QuotaHttp), CapacityErrorKind.Quota, "quotaExceeded" },
        { nameof(FakeGceFailure.RateLimited), CapacityErrorKind.Throttled, "rateLimitExceeded" },
        { nameof(FakeGceFailure.TooManyRequests), CapacityErrorKind.Throttled, "RESOURCE_EXHAUSTED" },
        { nameof(FakeGceFailure.InvalidImage), CapacityErrorKind.Rejected, "invalid" },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task Launch_MapsGceError_AndDoesNotTryOtherZones(string failureName, CapacityErrorKind kind, string code)
    {
        await using var gcp = await GcpHarness.StartAsync();
        var failure = (FakeGceFailure)typeof(FakeGceFailure).GetProperty(failureName)!.GetValue(null)!;
        gcp.Fake.FailNextInserts("us-central1-a", 1, failure);

        var error = await Assert.ThrowsAsync<CapacityException>(() => gcp.Provider.LaunchAsync(GcpHarness.Request(), CancellationToken.None));

        Assert.Equal((kind, code), (error.Kind, error.Code));
        Assert.Contains("us-central1-a", error.Message);
        Assert.Single(gcp.Inserts);
        Assert.Empty(gcp.Fake.Instances);
    }

    [Fact]
    public async Task Launch_ThrowsRejected_WhenAccessTokenIsRefused()
    {
        await using var gcp = await GcpHarness.StartAsync(accessToken: "expired-token");

        var error = await Assert.ThrowsAsync<CapacityException>(() => gcp.Provider.LaunchAsync(GcpHarness.Request(), CancellationToken.None));

        Assert.Equal((CapacityErrorKind.Rejected, "required"), (error.Kind, error.Code));
        Assert.Contains("401", error.Message);
        Assert.Equal(1, gcp.Fake.UnauthorizedRequests);
    }

    [Fact]
    public async Task List_ThrowsThrottledUnreachable_WhenComputeEngineCannotBeReached()
    {
        using var http = new HttpClient();
        var endpoint = new Uri($"http://127.0.0.1:{TestSupport.FreePort.Next()}/compute/v1/");
        var provider = new GcpCapacityProvider(new GcpOptions("tuner-test", GcpHarness.DefaultZones, Endpoint: endpoint), http,
            Google.Apis.Auth.OAuth2.GoogleCredential.FromAccessToken("test-token"), TimeProvider.System);

        var error = await Assert.ThrowsAsync<CapacityException>(() => provider.ListAsync("prod", CancellationToken.None));

        Assert.Equal((CapacityErrorKind.Throttled, "unreachable"), (error.Kind, error.Code));
        Assert.Contains("/compute/v1/projects/tuner-test/aggregated/instances", error.Message);
    }

    [Theory]
    [InlineData("ZONE_RESOURCE_POOL_EXHAUSTED", 503, CapacityErrorKind.InsufficientCapacity)]
    [InlineData("ZONE_RESOURCE_POOL_EXHAUSTED_WITH_DETAILS", 503, CapacityErrorKind.InsufficientCapacity)]
    [InlineData("QUOTA_EXCEEDED", 403, CapacityErrorKind.Quota)]
    [InlineData("quotaExceeded", 403, CapacityErrorKind.Quota)]
    [InlineData("rateLimitExceeded", 403, CapacityErrorKind.Throttled)]
    [InlineData("userRateLimitExceeded", 403, CapacityErrorKind.Throttled)]
    [InlineData("RESOURCE_EXHAUSTED", 429, CapacityErrorKind.Throttled)]
    [InlineData("backendError", 503, CapacityErrorKind.Throttled)]
    [InlineData("notFound", 404, CapacityErrorKind.Rejected)]
    [InlineData("RESOURCE_NOT_FOUND", null, CapacityErrorKind.Rejected)]
    public void Classify_MapsGceCodeAndStatus_ToKind(string code, int? status, CapacityErrorKind kind) =>
        Assert.Equal(kind, GceErrors.Classify(code, status));
}

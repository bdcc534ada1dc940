using Tuner.Scheduling.Access;

namespace Tuner.Scheduler.Tests.Access;

public sealed class AccessSettingsTests
{
    [Theory]
    [InlineData("http://127.0.0.1:5080")]
    [InlineData("http://localhost:5080")]
    [InlineData("http://[::1]:5080")]
    [InlineData("http://127.0.0.2:5080;https://localhost:5443")]
    public void Auto_IsOpen_WhenEveryAddressIsLoopback(string urls)
    {
        var access = AccessSettings.Resolve(AccessOptions.Auto, urls);

        Assert.False(access.RequiresKeys);
        Assert.StartsWith("Access: open to anyone on this machine", access.Banner(0), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://0.0.0.0:5080", "http://0.0.0.0:5080")]
    [InlineData("http://*:5080", "http://*:5080")]
    [InlineData("http://+:5080", "http://+:5080")]
    [InlineData("http://[::]:5080", "http://[::]:5080")]
    [InlineData("http://192.0.2.2:5080", "http://192.0.2.2:5080")]
    [InlineData("http://tuner.example.org:5080", "http://tuner.example.org:5080")]
    [InlineData("http://127.0.0.1:5080;http://0.0.0.0:5081", "http://0.0.0.0:5081")]
    public void Auto_AsksForKeys_WhenAnyAddressIsNotLoopback(string urls, string named)
    {
        var access = AccessSettings.Resolve(AccessOptions.Auto, urls);

        Assert.True(access.RequiresKeys);
        Assert.Equal($"{named} is not a loopback address", access.Why);
        Assert.Equal($"Access: API keys required ({named} is not a loopback address), and there are none yet: create one with `tuner keys create NAME --role admin`",
            access.Banner(0));
        Assert.StartsWith("Access: API keys required", access.Banner(2), StringComparison.Ordinal);
        Assert.Contains("2 active key(s)", access.Banner(2), StringComparison.Ordinal);
    }

    [Fact]
    public void Keys_AsksForKeys_OnLoopbackToo() =>
        Assert.True(AccessSettings.Resolve(AccessOptions.Keys, "http://127.0.0.1:5080").RequiresKeys);

    [Fact]
    public void Open_IsOpen_OnlyWhenToldTo_AndSaysSoLoudly()
    {
        var access = AccessSettings.Resolve(AccessOptions.Open, "http://0.0.0.0:5080");

        Assert.False(access.RequiresKeys);
        Assert.StartsWith("Access: OPEN to anyone who can reach this address (TUNER_AUTH=open)", access.Banner(0), StringComparison.Ordinal);
    }
}

using Tuner.LocalPostgres;

namespace Tuner.Scheduler.Tests.LocalPostgres;

public sealed class LocalPostgresOptionsTests
{
    [Fact]
    public async Task StartAsync_ListsEveryProblem_WhenOptionsAreInvalid()
    {
        var options = new LocalPostgresOptions("", 70000, "Tuner-DB");

        var error = await Assert.ThrowsAsync<ArgumentException>(
            () => LocalPostgresCluster.StartAsync(options, null, CancellationToken.None));

        Assert.Contains("DataDirectory", error.Message);
        Assert.Contains("Port=70000", error.Message);
        Assert.Contains("Database='Tuner-DB'", error.Message);
    }
}

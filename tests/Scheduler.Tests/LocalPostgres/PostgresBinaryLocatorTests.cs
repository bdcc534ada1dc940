using Tuner.LocalPostgres;

namespace Tuner.Scheduler.Tests.LocalPostgres;

public sealed class PostgresBinaryLocatorTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("tuner-pg-bin-");

    [Fact]
    public async Task LocateAsync_ThrowsInstallInstructions_WhenNoServerBinariesExist()
    {
        var locator = new PostgresBinaryLocator(_root.FullName, searchPath: _root.FullName);

        var error = await Assert.ThrowsAsync<LocalPostgresException>(() => locator.LocateAsync(CancellationToken.None));

        Assert.Equal(
            $"PostgreSQL server binaries not found in {_root.FullName}/*/bin; install Debian's postgresql package " +
            "(sudo apt-get install -y postgresql) or set TUNER_DATABASE_URL to use an existing server",
            error.Message);
    }

    [Fact]
    public async Task StartAsync_ThrowsInstallInstructions_WhenNoServerBinariesExist()
    {
        var locator = new PostgresBinaryLocator(_root.FullName, searchPath: null);
        var options = new LocalPostgresOptions(Path.Combine(_root.FullName, "data"), 5999);

        var error = await Assert.ThrowsAsync<LocalPostgresException>(
            () => LocalPostgresCluster.StartAsync(options, locator, null, CancellationToken.None));

        Assert.Contains("sudo apt-get install -y postgresql", error.Message);
        Assert.False(Directory.Exists(options.DataDirectory));
    }

    [Fact]
    public async Task LocateAsync_PicksHighestVersion_UnderVersionedRoot()
    {
        MakeServerBinaries("9.6");
        MakeServerBinaries("16");
        MakeServerBinaries("15");
        Directory.CreateDirectory(Path.Combine(_root.FullName, "17", "bin"));

        var binaries = await new PostgresBinaryLocator(_root.FullName, searchPath: null).LocateAsync(CancellationToken.None);

        Assert.Equal(Path.Combine(_root.FullName, "16", "bin"), binaries.Directory);
    }

    [Fact]
    public async Task LocateAsync_FollowsLinksOnSearchPath_WhenVersionedRootIsEmpty()
    {
        var real = MakeServerBinaries("real");
        var linked = Directory.CreateDirectory(Path.Combine(_root.FullName, "linked")).FullName;
        File.CreateSymbolicLink(Path.Combine(linked, "initdb"), Path.Combine(real, "initdb"));
        var emptyRoot = Directory.CreateDirectory(Path.Combine(_root.FullName, "empty")).FullName;

        var binaries = await new PostgresBinaryLocator(emptyRoot, searchPath: linked).LocateAsync(CancellationToken.None);

        Assert.Equal(real, binaries.Directory);
    }

    public void Dispose() => _root.Delete(recursive: true);

    private string MakeServerBinaries(string version)
    {
        var bin = Directory.CreateDirectory(Path.Combine(_root.FullName, version, "bin")).FullName;
        foreach (var program in PostgresBinaries.RequiredPrograms)
        {
            File.WriteAllText(Path.Combine(bin, program), "");
        }
        return bin;
    }
}

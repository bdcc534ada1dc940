using Tuner.Trainer.Tests.TestSupport;
using Tuner.Trainer.Workloads.Tabular;

namespace Tuner.Trainer.Tests.Workloads.Tabular;

public sealed class CsvFileSourceTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();
    private readonly CsvFileSource _source = new(() => throw new InvalidOperationException("no S3 in this test"));

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task ReadAsync_KeepsTheParsedFile_WhileItIsUnchanged()
    {
        var path = TabularTrials.Write(_directory, "t.csv", "x,y\n1,2\n");
        var location = TabularLocation.Resolve(path);

        var first = await _source.ReadAsync(location, CancellationToken.None);
        var second = await _source.ReadAsync(location, CancellationToken.None);

        Assert.Same(first, second);
        Assert.Equal(path, first.Source);
    }

    [Fact]
    public async Task ReadAsync_ReadsAChangedFileAgain_AndKeepsOnlyItsNewVersion()
    {
        var path = TabularTrials.Write(_directory, "t.csv", "x,y\n1,2\n");
        var location = TabularLocation.Resolve(path);
        var before = await _source.ReadAsync(location, CancellationToken.None);

        File.WriteAllText(path, "x,y\n1,2\n3,4\n");
        var after = await _source.ReadAsync(location, CancellationToken.None);

        Assert.NotSame(before, after);
        Assert.Equal(2, after.Rows.Count);
        Assert.Equal(1, _source.CachedFiles);
    }

    [Fact]
    public async Task ReadAsync_DoesNotKeepAFileThatFailedToParse()
    {
        var path = TabularTrials.Write(_directory, "t.csv", "x,y\n");
        var location = TabularLocation.Resolve(path);

        await Assert.ThrowsAsync<Tuner.Workloads.WorkloadException>(() => _source.ReadAsync(location, CancellationToken.None));

        Assert.Equal(0, _source.CachedFiles);
    }

    [Fact]
    public void Resolve_MakesARelativePathFullAgainstTheCurrentDirectory()
    {
        var location = TabularLocation.Resolve("data/t.csv");

        Assert.Equal(Path.Combine(Environment.CurrentDirectory, "data", "t.csv"), location.LocalPath);
        Assert.Null(location.S3);
        Assert.Equal("s3://bucket/tables/t.csv", TabularLocation.Resolve("s3://bucket/tables/t.csv").Display);
    }
}

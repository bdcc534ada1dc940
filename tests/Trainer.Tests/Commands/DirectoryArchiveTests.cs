using System.Formats.Tar;
using Tuner.Trainer.Commands;
using Tuner.Trainer.Tests.TestSupport;

namespace Tuner.Trainer.Tests.Commands;

public sealed class DirectoryArchiveTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Create_GivesNoBytes_ForAnEmptyDirectory()
    {
        Assert.Empty(DirectoryArchive.Create(Folder("empty")));
    }

    [Fact]
    public void Extract_RestoresFilesFoldersLinksAndTimes_AndArchivingTheCopyGivesTheSameBytes()
    {
        var source = Folder("source");
        Directory.CreateDirectory(Path.Combine(source, "b", "c"));
        File.WriteAllText(Path.Combine(source, "b", "c", "model.bin"), "weights");
        File.WriteAllText(Path.Combine(source, "a.txt"), "first");
        File.SetLastWriteTimeUtc(Path.Combine(source, "a.txt"), new DateTime(2024, 5, 6, 7, 8, 9, DateTimeKind.Utc));
        File.CreateSymbolicLink(Path.Combine(source, "latest"), "b/c/model.bin");

        var archive = DirectoryArchive.Create(source);
        var copy = Folder("copy");
        DirectoryArchive.Extract(archive, copy);

        Assert.Equal("weights", File.ReadAllText(Path.Combine(copy, "b", "c", "model.bin")));
        Assert.Equal("weights", File.ReadAllText(Path.Combine(copy, "latest")));
        Assert.Equal("b/c/model.bin", new FileInfo(Path.Combine(copy, "latest")).LinkTarget);
        Assert.Equal(new DateTime(2024, 5, 6, 7, 8, 9, DateTimeKind.Utc), File.GetLastWriteTimeUtc(Path.Combine(copy, "a.txt")));
        Assert.Equal(archive, DirectoryArchive.Create(copy));
        Assert.Equal(["a.txt", "b/", "b/c/", "b/c/model.bin", "latest"], EntryNames(archive));
    }

    [Fact]
    public void Create_GivesTheSameBytes_WhenNothingChangedButFilesWereRead()
    {
        var source = Folder("source");
        File.WriteAllText(Path.Combine(source, "state.txt"), "1 0.5");
        var first = DirectoryArchive.Create(source);

        _ = File.ReadAllText(Path.Combine(source, "state.txt"));

        Assert.Equal(first, DirectoryArchive.Create(source));
    }

    [Theory]
    [InlineData("../evil", "has a '..' segment")]
    [InlineData("a/../../evil", "has a '..' segment")]
    [InlineData("/etc/evil", "is an absolute path")]
    public void Extract_RejectsAnEntryThatEscapesTheDirectory(string name, string reason)
    {
        var archive = Tar(writer => writer.WriteEntry(FileEntry(name, "gotcha")));
        var target = Folder("target");

        var error = Assert.Throws<InvalidDataException>(() => DirectoryArchive.Extract(archive, target));

        Assert.Equal($"checkpoint archive entry '{name}' {reason}", error.Message);
        Assert.False(File.Exists(Path.Combine(_directory.Path, "evil")));
    }

    [Theory]
    [InlineData("/etc")]
    [InlineData("..")]
    [InlineData("sub/../..")]
    public void Extract_RejectsALinkThatPointsOutside(string target)
    {
        var archive = Tar(writer => writer.WriteEntry(new PaxTarEntry(TarEntryType.SymbolicLink, "escape") { LinkName = target }));

        var error = Assert.Throws<InvalidDataException>(() => DirectoryArchive.Extract(archive, Folder("target")));

        Assert.Equal($"checkpoint archive entry 'escape' is a symbolic link to '{target}', which is outside the checkpoint directory", error.Message);
    }

    [Fact]
    public void Extract_RejectsAnEntryThroughALink_EvenWhenTheLinkPointsInside()
    {
        var archive = Tar(writer =>
        {
            writer.WriteEntry(new PaxTarEntry(TarEntryType.Directory, "x/y/"));
            writer.WriteEntry(new PaxTarEntry(TarEntryType.SymbolicLink, "x/y/up") { LinkName = "../.." });
            writer.WriteEntry(new PaxTarEntry(TarEntryType.SymbolicLink, "x/y/up/next") { LinkName = "../../.." });
        });

        var error = Assert.Throws<InvalidDataException>(() => DirectoryArchive.Extract(archive, Folder("target")));

        Assert.Equal("checkpoint archive entry 'x/y/up/next' passes through the symbolic link 'x/y/up'", error.Message);
    }

    [Fact]
    public void Extract_RejectsHardLinks()
    {
        var archive = Tar(writer => writer.WriteEntry(new PaxTarEntry(TarEntryType.HardLink, "passwd") { LinkName = "/etc/passwd" }));

        var error = Assert.Throws<InvalidDataException>(() => DirectoryArchive.Extract(archive, Folder("target")));

        Assert.Equal("checkpoint archive entry 'passwd' is a HardLink entry, but a checkpoint holds only files, folders and symbolic links", error.Message);
    }

    private string Folder(string name) => Directory.CreateDirectory(Path.Combine(_directory.Path, name)).FullName;

    private static PaxTarEntry FileEntry(string name, string content) =>
        new(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(content)) };

    private static byte[] Tar(Action<TarWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new TarWriter(buffer, TarEntryFormat.Pax, leaveOpen: true)) write(writer);
        return buffer.ToArray();
    }

    private static List<string> EntryNames(byte[] archive)
    {
        using var reader = new TarReader(new MemoryStream(archive));
        var names = new List<string>();
        while (reader.GetNextEntry() is { } entry) names.Add(entry.Name);
        return names;
    }
}

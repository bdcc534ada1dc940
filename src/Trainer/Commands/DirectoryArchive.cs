using System.Formats.Tar;

namespace Tuner.Trainer.Commands;

/// <summary>
/// A command's checkpoint directory as bytes: a PAX tar of its files, folders and symbolic links in ordinal order of
/// their '/'-separated paths, with each file's modification time and each entry's mode (no owners, no access times,
/// folders and links dated 1970), so the same directory always gives the same bytes. <see cref="Extract"/> writes
/// nothing outside its target directory.
/// </summary>
public static class DirectoryArchive
{
    /// <summary>The archive of <paramref name="directory"/>'s contents, or no bytes when it has none. Symbolic links are
    /// stored as links, never followed; anything else that is not a folder (a pipe, a socket) should not be there.</summary>
    public static byte[] Create(string directory)
    {
        var entries = new List<(string Name, FileSystemInfo Info)>();
        Collect(new DirectoryInfo(directory), "", entries);
        if (entries.Count == 0) return [];
        entries.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));

        using var buffer = new MemoryStream();
        using (var writer = new TarWriter(buffer, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach (var (name, info) in entries) Write(writer, name, info);
        }
        return buffer.ToArray();
    }

    /// <summary>Writes <paramref name="archive"/>'s entries into the empty folder <paramref name="directory"/>. Throws
    /// <see cref="InvalidDataException"/>, before writing the entry, for one whose path is absolute, has a <c>..</c>
    /// segment, passes through a symbolic link or is already there, for a link whose target lies outside the folder,
    /// and for a hard link, device or other special entry.</summary>
    public static void Extract(byte[] archive, string directory)
    {
        if (archive.Length == 0) return;
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory));
        using var reader = new TarReader(new MemoryStream(archive, writable: false));
        while (reader.GetNextEntry() is { } entry)
        {
            var path = PathInside(root, entry.Name);
            switch (entry.EntryType)
            {
                case TarEntryType.Directory:
                    Directory.CreateDirectory(path);
                    SetMode(path, entry.Mode | UnixFileMode.UserExecute);
                    break;
                case TarEntryType.RegularFile or TarEntryType.V7RegularFile:
                    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                    using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
                    {
                        entry.DataStream?.CopyTo(file);
                    }
                    SetMode(path, entry.Mode);
                    File.SetLastWriteTimeUtc(path, entry.ModificationTime.UtcDateTime);
                    break;
                case TarEntryType.SymbolicLink:
                    var target = Path.GetFullPath(entry.LinkName, Path.GetDirectoryName(path)!);
                    if (!IsInside(root, target))
                        throw Invalid(entry.Name, $"is a symbolic link to '{entry.LinkName}', which is outside the checkpoint directory");
                    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                    File.CreateSymbolicLink(path, entry.LinkName);
                    break;
                default:
                    throw Invalid(entry.Name, $"is a {entry.EntryType} entry, but a checkpoint holds only files, folders and symbolic links");
            }
        }
    }

    private static void Collect(DirectoryInfo directory, string prefix, List<(string, FileSystemInfo)> entries)
    {
        foreach (var info in directory.EnumerateFileSystemInfos())
        {
            var name = prefix + info.Name;
            var isFolder = info is DirectoryInfo && info.LinkTarget is null;
            entries.Add((isFolder ? name + "/" : name, info));
            if (isFolder) Collect((DirectoryInfo)info, name + "/", entries);
        }
    }

    private static void Write(TarWriter writer, string name, FileSystemInfo info)
    {
        if (info.LinkTarget is { } target)
        {
            if (ModeOf(info) is { } linkMode)
                writer.WriteEntry(new PaxTarEntry(TarEntryType.SymbolicLink, name) { LinkName = target, ModificationTime = DateTimeOffset.UnixEpoch, Mode = linkMode });
        }
        else if (info is DirectoryInfo)
        {
            if (ModeOf(info) is { } folderMode)
                writer.WriteEntry(new PaxTarEntry(TarEntryType.Directory, name) { ModificationTime = DateTimeOffset.UnixEpoch, Mode = folderMode });
        }
        else
        {
            // The program may still be writing: a file listed a moment ago (its next step's temporary file) can be gone
            // by now. It is left out; once open, its mode and time come from the open file, not from a fresh lookup by name.
            FileStream content;
            try
            {
                content = new FileStream(info.FullName, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
            {
                return;
            }

            using (content)
            {
                writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name)
                {
                    ModificationTime = new DateTimeOffset(File.GetLastWriteTimeUtc(content.SafeFileHandle)),
                    Mode = OperatingSystem.IsWindows() ? UnixFileMode.UserRead | UnixFileMode.UserWrite : File.GetUnixFileMode(content.SafeFileHandle),
                    DataStream = content,
                });
            }
        }
    }

    private static string PathInside(string root, string name)
    {
        if (name.Length == 0) throw Invalid(name, "has an empty name");
        if (name.StartsWith('/') || name.StartsWith('\\') || Path.IsPathRooted(name)) throw Invalid(name, "is an absolute path");
        var segments = name.Split('/', '\\');
        if (segments.Contains("..")) throw Invalid(name, "has a '..' segment");

        var path = Path.TrimEndingDirectorySeparator(Path.GetFullPath(Path.Combine(root, name)));
        if (!IsInside(root, path) || path == root) throw Invalid(name, "is not inside the checkpoint directory");
        for (var ancestor = Path.GetDirectoryName(path); ancestor is not null && ancestor != root; ancestor = Path.GetDirectoryName(ancestor))
        {
            if (new FileInfo(ancestor).LinkTarget is not null) throw Invalid(name, $"passes through the symbolic link '{Path.GetRelativePath(root, ancestor)}'");
        }
        if (File.Exists(path) || Directory.Exists(path) || new FileInfo(path).LinkTarget is not null) throw Invalid(name, "appears twice");
        return path;
    }

    private static bool IsInside(string root, string path) =>
        path == root || path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>The entry's mode, or null when it has gone since the listing (.NET answers -1 then).</summary>
    private static UnixFileMode? ModeOf(FileSystemInfo info) =>
        OperatingSystem.IsWindows() ? UnixFileMode.UserRead | UnixFileMode.UserWrite
            : info.UnixFileMode is var mode && (int)mode == -1 ? null : mode;

    private static void SetMode(string path, UnixFileMode mode)
    {
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, mode | UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    private static InvalidDataException Invalid(string name, string what) => new($"checkpoint archive entry '{name}' {what}");
}

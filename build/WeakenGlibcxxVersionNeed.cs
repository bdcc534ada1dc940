// Inline MSBuild task (RoslynCodeTaskFactory), used by TorchSharpNativeFix.targets.
// Marks one version need of an ELF64 shared library weak, so the dynamic loader accepts the library on a system whose
// libstdc++ lacks that version. See TorchSharpNativeFix.targets for why.
using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

public class WeakenGlibcxxVersionNeed : Task
{
    private const uint SectionTypeDynamicSymbols = 11;        // SHT_DYNSYM
    private const uint SectionTypeVersionNeeds = 0x6ffffffe;  // SHT_GNU_verneed (.gnu.version_r)
    private const uint SectionTypeSymbolVersions = 0x6fffffff; // SHT_GNU_versym (.gnu.version)
    private const ushort WeakVersionFlag = 0x2;               // VER_FLG_WEAK
    private const ulong DynamicSymbolSize = 24;               // sizeof(Elf64_Sym)

    [Required] public ITaskItem[] Files { get; set; }
    [Required] public string VersionName { get; set; }
    [Required] public string MarkerSymbol { get; set; }

    private enum Outcome { Patched, AlreadyWeak, NoSuchNeed, NeededByRealSymbol }

    public override bool Execute()
    {
        var patched = new List<string>();
        var unchanged = new List<string>();
        foreach (var item in Files)
        {
            var path = item.GetMetadata("FullPath");
            try
            {
                var elf = File.ReadAllBytes(path);
                string usedBy;
                var outcome = Weaken(elf, out var flagsOffset, out usedBy);
                if (outcome == Outcome.Patched)
                {
                    ReplaceAtomically(path, flagsOffset, elf[flagsOffset], elf[flagsOffset + 1]);
                    patched.Add(path);
                }
                else if (outcome == Outcome.NeededByRealSymbol)
                {
                    Log.LogWarning("TorchSharp native fix: left {0} alone: its {1} need is used by symbol {2}, not only by the marker {3}.",
                        path, VersionName, usedBy, MarkerSymbol);
                }
                else
                {
                    unchanged.Add(path + (outcome == Outcome.AlreadyWeak ? " (already weak)" : " (no " + VersionName + " need)"));
                }
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is InvalidDataException)
            {
                Log.LogError("TorchSharp native fix: cannot patch {0}: {1}", path, e.Message);
            }
        }

        if (patched.Count > 0)
            Log.LogMessage(MessageImportance.High, "TorchSharp native fix: marked {0} weak in {1}", VersionName, string.Join(", ", patched));
        else
            Log.LogMessage(MessageImportance.Normal, "TorchSharp native fix: nothing to patch: {0}", string.Join(", ", unchanged));
        return !Log.HasLoggedErrors;
    }

    // Finds the Vernaux entry named VersionName; sets VER_FLG_WEAK in the byte array and returns where its flags are.
    private Outcome Weaken(byte[] elf, out int flagsOffset, out string usedBy)
    {
        flagsOffset = -1;
        usedBy = null;
        Require(elf.Length >= 64 && elf[0] == 0x7f && elf[1] == (byte)'E' && elf[2] == (byte)'L' && elf[3] == (byte)'F', "not an ELF file");
        Require(elf[4] == 2, "not a 64-bit ELF file (EI_CLASS=" + elf[4] + ")");
        Require(elf[5] == 1, "not a little-endian ELF file (EI_DATA=" + elf[5] + ")");

        var sections = ReadSectionHeaders(elf);
        var versionNeeds = Find(sections, SectionTypeVersionNeeds);
        if (versionNeeds == null) return Outcome.NoSuchNeed;
        var needNames = sections[(int)versionNeeds.Link];

        int versionIndex = -1;
        var needOffset = versionNeeds.Offset;
        for (var need = 0; need < versionNeeds.Info; need++)
        {
            var auxCount = U16(elf, needOffset + 2);
            var auxOffset = needOffset + U32(elf, needOffset + 8);
            for (var aux = 0; aux < auxCount; aux++)
            {
                var name = CString(elf, needNames.Offset + U32(elf, auxOffset + 8));
                if (name == VersionName)
                {
                    flagsOffset = checked((int)(auxOffset + 4));
                    versionIndex = U16(elf, auxOffset + 6);
                }
                auxOffset += U32(elf, auxOffset + 12);
            }
            needOffset += U32(elf, needOffset + 12);
        }
        if (flagsOffset < 0) return Outcome.NoSuchNeed;

        usedBy = FindOtherSymbolWithVersion(elf, sections, versionIndex);
        if (usedBy != null) return Outcome.NeededByRealSymbol;

        var flags = U16(elf, (ulong)flagsOffset);
        if ((flags & WeakVersionFlag) != 0) return Outcome.AlreadyWeak;
        flags |= WeakVersionFlag;
        elf[flagsOffset] = (byte)(flags & 0xff);
        elf[flagsOffset + 1] = (byte)(flags >> 8);
        return Outcome.Patched;
    }

    // Returns the name of a dynamic symbol bound to versionIndex other than MarkerSymbol, or null when there is none.
    private string FindOtherSymbolWithVersion(byte[] elf, List<Section> sections, int versionIndex)
    {
        var symbols = Find(sections, SectionTypeDynamicSymbols);
        var versions = Find(sections, SectionTypeSymbolVersions);
        Require(symbols != null && versions != null, "has .gnu.version_r but no .dynsym or .gnu.version");
        var symbolNames = sections[(int)symbols.Link];
        var count = symbols.Size / DynamicSymbolSize;
        for (ulong i = 0; i < count; i++)
        {
            if ((U16(elf, versions.Offset + 2 * i) & 0x7fff) != versionIndex) continue;
            var name = CString(elf, symbolNames.Offset + U32(elf, symbols.Offset + i * DynamicSymbolSize));
            if (name != MarkerSymbol) return name;
        }
        return null;
    }

    private static void ReplaceAtomically(string path, int flagsOffset, byte low, byte high)
    {
        var temporary = path + ".weaken-" + Guid.NewGuid().ToString("N");
        var lastWrite = File.GetLastWriteTimeUtc(path);
        try
        {
            File.Copy(path, temporary); // keeps the file mode; the original (maybe a hard link into the NuGet cache) stays as it is
            using (var stream = new FileStream(temporary, FileMode.Open, FileAccess.Write))
            {
                stream.Position = flagsOffset;
                stream.WriteByte(low);
                stream.WriteByte(high);
                stream.Flush(true);
            }
            // Same size and time as the package's file, so incremental copies keep the patched one.
            File.SetLastWriteTimeUtc(temporary, lastWrite);
            File.Replace(temporary, path, null); // a rename on Unix
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    private sealed class Section
    {
        public uint Type;
        public ulong Offset;
        public ulong Size;
        public uint Link;
        public uint Info;
    }

    private static List<Section> ReadSectionHeaders(byte[] elf)
    {
        var headerOffset = U64(elf, 0x28);
        var headerSize = U16(elf, 0x3a);
        var count = U16(elf, 0x3c);
        Require(count > 0 && headerSize >= 64, "has no section headers (e_shnum=" + count + ", e_shentsize=" + headerSize + ")");
        var sections = new List<Section>();
        for (var i = 0; i < count; i++)
        {
            var at = headerOffset + (ulong)(i * headerSize);
            var section = new Section
            {
                Type = U32(elf, at + 4),
                Offset = U64(elf, at + 0x18),
                Size = U64(elf, at + 0x20),
                Link = U32(elf, at + 0x28),
                Info = U32(elf, at + 0x2c),
            };
            Require(section.Type == 8 /* SHT_NOBITS */ || section.Offset + section.Size <= (ulong)elf.Length,
                "section " + i + " lies outside the file");
            sections.Add(section);
        }
        foreach (var section in sections)
            Require(section.Link < sections.Count, "a section links to a missing section " + section.Link);
        return sections;
    }

    private static Section Find(List<Section> sections, uint type)
    {
        foreach (var section in sections)
            if (section.Type == type) return section;
        return null;
    }

    private static ushort U16(byte[] elf, ulong at) { Check(elf, at, 2); return (ushort)(elf[at] | elf[at + 1] << 8); }

    private static uint U32(byte[] elf, ulong at) { Check(elf, at, 4); return BitConverter.ToUInt32(elf, (int)at); }

    private static ulong U64(byte[] elf, ulong at) { Check(elf, at, 8); return BitConverter.ToUInt64(elf, (int)at); }

    private static string CString(byte[] elf, ulong at)
    {
        Check(elf, at, 1);
        var end = (int)at;
        while (end < elf.Length && elf[end] != 0) end++;
        Require(end < elf.Length, "a string runs past the end of the file");
        return Encoding.ASCII.GetString(elf, (int)at, end - (int)at);
    }

    private static void Check(byte[] elf, ulong at, int length) =>
        Require(at + (ulong)length <= (ulong)elf.Length, "an offset (" + at + ") lies outside the file (" + elf.Length + " bytes)");

    private static void Require(bool condition, string problem)
    {
        if (!condition) throw new InvalidDataException(problem);
    }
}

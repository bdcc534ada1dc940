using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tuner.Trainer;

/// <summary>Everything a trial needs to resume exactly: where it stands, the reports so far, the partial epoch's
/// accumulators and the workload's model and optimizer state. Stored as "TUNERCKP", a format version, the metadata as
/// length-prefixed JSON, then the length-prefixed workload state.</summary>
public sealed record TrialCheckpoint(
    string Workload,
    int Seed,
    TrainingPosition Position,
    IReadOnlyList<EpochReport> History,
    PartialEpoch Partial,
    byte[] State)
{
    private const int FormatVersion = 1;
    private static readonly byte[] Magic = "TUNERCKP"u8.ToArray();
    private static readonly JsonSerializerOptions Json = new() { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    public async Task WriteToAsync(Stream destination, CancellationToken ct)
    {
        var metadata = JsonSerializer.SerializeToUtf8Bytes(new Metadata(Workload, Seed, Position, History, Partial), Json);
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(FormatVersion);
            writer.Write(metadata.Length);
            writer.Write(metadata);
            writer.Write((long)State.Length);
            writer.Write(State);
        }
        buffer.Position = 0;
        await buffer.CopyToAsync(destination, ct);
    }

    public static async Task<TrialCheckpoint> ReadAsync(Stream source, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await source.CopyToAsync(buffer, ct);
        buffer.Position = 0;
        try
        {
            using var reader = new BinaryReader(buffer, Encoding.UTF8);
            var magic = reader.ReadBytes(Magic.Length);
            var version = reader.ReadInt32();
            if (!magic.AsSpan().SequenceEqual(Magic) || version != FormatVersion)
                throw new InvalidDataException($"a trial checkpoint must start with TUNERCKP version {FormatVersion}, but got {Convert.ToHexString(magic)} version {version}");
            var metadata = JsonSerializer.Deserialize<Metadata>(reader.ReadBytes(reader.ReadInt32()), Json)
                ?? throw new InvalidDataException("a trial checkpoint has no metadata");
            var length = checked((int)reader.ReadInt64());
            var state = reader.ReadBytes(length);
            if (state.Length != length) throw new EndOfStreamException();
            return new TrialCheckpoint(metadata.Workload, metadata.Seed, metadata.Position, metadata.History, metadata.Partial, state);
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException("a trial checkpoint ends early", e);
        }
    }

    private sealed record Metadata(string Workload, int Seed, TrainingPosition Position, IReadOnlyList<EpochReport> History, PartialEpoch Partial);
}

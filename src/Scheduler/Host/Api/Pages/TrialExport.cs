using System.Buffers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tuner.Persistence;
using Tuner.Scheduler.Api.Contracts;
using Tuner.Scheduling.Sweeps;

namespace Tuner.Scheduler.Api.Pages;

/// <summary>GET /api/sweeps/{id}/export: every trial of the sweep, streamed row by row from the database to the
/// response as CSV (a column <c>param.NAME</c> per parameter) or as a JSON array, never held whole in memory.</summary>
internal static class TrialExport
{
    /// <summary>Bytes buffered before they go to the client.</summary>
    private const int FlushBytes = 64 * 1024;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string ContentType(string format) => format == ExportFormats.Json ? "application/json" : "text/csv";

    public static string FileName(long sweepId, string format) => $"sweep-{sweepId}-trials.{format}";

    public static async Task WriteAsync(Stream body, TunerDbContext db, PageSweep sweep, string format, CancellationToken ct)
    {
        await using var transaction = await PageTransactions.BeginAsync(db, ct);
        // The dollars first (a number per trial), so the trials can stream in the order of the (sweep, number) index.
        var costs = await TrialFigures.CostsAsync(db, sweep.Id, null, ct);
        var trials = TrialFigures.Of(db, db.Trials.Where(t => t.SweepId == sweep.Id)).OrderBy(t => t.Number).AsAsyncEnumerable();
        if (format == ExportFormats.Json) await WriteJsonAsync(body, sweep, trials, costs, ct);
        else await WriteCsvAsync(body, sweep, trials, costs, ct);
    }

    private static async Task WriteCsvAsync(Stream body, PageSweep sweep, IAsyncEnumerable<TrialFigures> trials, Dictionary<long, decimal> costs, CancellationToken ct)
    {
        var names = sweep.Plan.Space.Parameters.Select(p => p.Name).ToList();
        await using var writer = new StreamWriter(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), FlushBytes, leaveOpen: true);
        await writer.WriteAsync(CsvFields.Record(
            ["number", "state", "value", .. names.Select(n => "param." + n), "epochs", "bestEpoch", "preemptions", "lostRuns", "startedAt", "endedAt", "costUsd"]));
        await foreach (var t in trials.WithCancellation(ct))
        {
            var values = ParamsJson.Deserialize(t.ParamsJson, sweep.Plan.Space);
            await writer.WriteAsync(CsvFields.Record(
                [t.Number, t.Status.ToString(), t.Value, .. names.Select(n => values.GetValueOrDefault(n)),
                 t.Epochs, t.BestEpoch, t.Preemptions, t.LostRuns, t.StartedAt, t.FinishedAt, Cost(costs, t)]));
        }

        await writer.FlushAsync(ct);
    }

    private static async Task WriteJsonAsync(Stream body, PageSweep sweep, IAsyncEnumerable<TrialFigures> trials, Dictionary<long, decimal> costs, CancellationToken ct)
    {
        // JsonSerializer flushes its writer synchronously, which the response refuses: the rows go to memory first and
        // from there to the response asynchronously, a batch at a time.
        var buffer = new ArrayBufferWriter<byte>(2 * FlushBytes);
        await using var writer = new Utf8JsonWriter(buffer);
        writer.WriteStartArray();
        await foreach (var t in trials.WithCancellation(ct))
        {
            JsonSerializer.Serialize(writer, new ExportedTrial(
                t.Number, t.Status.ToString(), t.Value, ParamsJson.Deserialize(t.ParamsJson, sweep.Plan.Space), t.Epochs, t.BestEpoch,
                t.Preemptions, t.LostRuns, t.StartedAt, t.FinishedAt, Cost(costs, t)), Json);
            if (buffer.WrittenCount >= FlushBytes) await SendAsync(body, buffer, ct);
        }

        writer.WriteEndArray();
        writer.Flush();
        await SendAsync(body, buffer, ct);
    }

    private static decimal? Cost(Dictionary<long, decimal> costs, TrialFigures trial) => costs.TryGetValue(trial.Id, out var usd) ? usd : null;

    private static async Task SendAsync(Stream body, ArrayBufferWriter<byte> buffer, CancellationToken ct)
    {
        await body.WriteAsync(buffer.WrittenMemory, ct);
        buffer.ResetWrittenCount();
    }
}

using System.Globalization;
using Npgsql;
using NpgsqlTypes;
using Tuner.Core.Costs;
using Tuner.Core.Model;

namespace Tuner.TestSupport.Sweeps;

/// <summary>
/// A finished sweep of many trials written straight into a migrated Tuner database with binary COPY (50,000 trials
/// with 20 reports each in seconds), for tests and benchmarks of what reads large sweeps. Deterministic for a seed.
/// Of every 10 trials by number, 7 complete (all reports), 2 are pruned (after 3 to 10 reports) and 1 failed (after at
/// most 2); every 20th trial was preempted once (two runs, the second resuming), the rest ran once; each run has one
/// ledger line. The objective (val_loss, minimized) is driven mostly by the learning rate's distance from 1e-2 in log
/// space, then by the optimizer, a little by dropout, and not by hidden_units or batch_size.
/// </summary>
public static class LargeSweep
{
    public const string Name = "large-sweep";
    public const string Workers = "worker-";
    public const int WorkerCount = 16;
    public static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static readonly string Definition = $$"""
        name: {{Name}}
        workload: { kind: mnist-mlp, max_epochs: 20 }
        objective: { metric: val_loss, direction: minimize }
        space:
          learning_rate: { type: float, low: 1.0e-4, high: 1.0e-1, log: true }
          batch_size:    { type: categorical, choices: [32, 64, 128] }
          hidden_units:  { type: int, low: 16, high: 512, log: true }
          dropout:       { type: float, low: 0.0, high: 0.5 }
          optimizer:     { type: categorical, choices: [adam, sgd] }
        sampler: { kind: random, seed: 1 }
        budget: { max_trials: 100000, parallelism: 16 }
        labels: { team: ml-platform }
        """;

    /// <summary>Writes the sweep; returns its id. The database must be migrated (TunerDatabase.MigrateAsync).</summary>
    public static async Task<long> WriteAsync(string connectionString, int trials = 50_000, int reportsPerTrial = 20, int seed = 1, CancellationToken ct = default)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        var sweepId = await InsertSweepAsync(connection, trials, ct);
        var shapes = Shapes(trials, reportsPerTrial, seed);
        await CopyTrialsAsync(connection, sweepId, shapes, ct);
        var ids = await TrialIdsAsync(connection, sweepId, trials, ct);
        await CopyReportsAsync(connection, ids, shapes, ct);
        await CopyRunsAndCostsAsync(connection, sweepId, ids, shapes, ct);
        await using var best = new NpgsqlCommand("""
            UPDATE tuner.sweeps SET best_trial_id = (SELECT id FROM tuner.trials WHERE sweep_id = $1 AND status = 'Complete'
                                                      ORDER BY value, number LIMIT 1) WHERE id = $1
            """, connection) { Parameters = { new() { Value = sweepId } } };
        await best.ExecuteNonQueryAsync(ct);
        await using var analyze = new NpgsqlCommand("ANALYZE tuner.trials, tuner.trial_reports, tuner.trial_runs, tuner.cost_entries", connection);
        await analyze.ExecuteNonQueryAsync(ct);
        return sweepId;
    }

    private sealed record TrialShape(
        int Number, TrialStatus Status, string ParamsJson, double[] Reports, bool Preempted, DateTimeOffset StartedAt, DateTimeOffset FinishedAt)
    {
        public double? Value => Reports.Length == 0 ? null : Reports.Min();
        public int? BestEpoch => Reports.Length == 0 ? null : Array.IndexOf(Reports, Reports.Min()) + 1;
    }

    private static List<TrialShape> Shapes(int trials, int reportsPerTrial, int seed)
    {
        var random = new Random(seed);
        var shapes = new List<TrialShape>(trials);
        for (var number = 0; number < trials; number++)
        {
            var lr = Math.Exp(Math.Log(1e-4) + random.NextDouble() * Math.Log(1e3));
            var batch = new[] { 32, 64, 128 }[random.Next(3)];
            var hidden = (int)Math.Round(Math.Exp(Math.Log(16) + random.NextDouble() * Math.Log(32)));
            var dropout = random.NextDouble() * 0.5;
            var optimizer = random.Next(2) == 0 ? "adam" : "sgd";
            var floor = 0.05 + 0.3 * Math.Abs(Math.Log10(lr) + 2) + (optimizer == "sgd" ? 0.1 : 0) + 0.05 * dropout;
            var status = (number % 10) switch { < 7 => TrialStatus.Complete, < 9 => TrialStatus.Pruned, _ => TrialStatus.Failed };
            var reported = status switch
            {
                TrialStatus.Complete => reportsPerTrial,
                TrialStatus.Pruned => Math.Min(reportsPerTrial, 3 + random.Next(8)),
                _ => Math.Min(reportsPerTrial, random.Next(3)),
            };
            var reports = Enumerable.Range(1, reported)
                .Select(epoch => floor + 2.0 / epoch + 0.01 * random.NextDouble()).ToArray();
            var parameters = string.Create(CultureInfo.InvariantCulture,
                $$"""{"learning_rate": {{lr:R}}, "batch_size": {{batch}}, "hidden_units": {{hidden}}, "dropout": {{dropout:R}}, "optimizer": "{{optimizer}}"}""");
            var started = Start.AddSeconds(number * 10L);
            shapes.Add(new TrialShape(number, status, parameters, reports, number % 20 == 5, started, started.AddSeconds(60 + 10 * reported)));
        }

        return shapes;
    }

    private static async Task<long> InsertSweepAsync(NpgsqlConnection connection, int trials, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO tuner.sweeps (name, state, definition_text, seed, objective, maximize, max_trials, parallelism, created_at,
                                      finished_at, labels_json, pool, pause_stops_running)
            VALUES ($1, 'Completed', $2, 1, 'val_loss', false, $3, 16, $4, $5, '{"team": "ml-platform"}', 'local', false)
            RETURNING id
            """, connection)
        {
            Parameters =
            {
                new() { Value = Name }, new() { Value = Definition }, new() { Value = Math.Max(trials, 1) },
                new() { Value = Start.AddSeconds(-60) }, new() { Value = Start.AddSeconds(trials * 10L + 400) },
            },
        };
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    private static async Task CopyTrialsAsync(NpgsqlConnection connection, long sweepId, List<TrialShape> shapes, CancellationToken ct)
    {
        await using var writer = await connection.BeginBinaryImportAsync("""
            COPY tuner.trials (sweep_id, number, status, params_json, seed, value, best_epoch, last_epoch, attempts, preemptions, lost_runs,
                               lease_token, cancel_requested, job_id, created_at, started_at, finished_at, error)
            FROM STDIN (FORMAT BINARY)
            """, ct);
        foreach (var t in shapes)
        {
            await writer.StartRowAsync(ct);
            await writer.WriteAsync(sweepId, NpgsqlDbType.Bigint, ct);
            await writer.WriteAsync(t.Number, NpgsqlDbType.Integer, ct);
            await writer.WriteAsync(t.Status.ToString(), NpgsqlDbType.Varchar, ct);
            await writer.WriteAsync(t.ParamsJson, NpgsqlDbType.Jsonb, ct);
            await writer.WriteAsync(t.Number, NpgsqlDbType.Integer, ct);
            await WriteNullableAsync(writer, t.Value, NpgsqlDbType.Double, ct);
            await WriteNullableAsync(writer, t.BestEpoch, NpgsqlDbType.Integer, ct);
            await writer.WriteAsync(t.Reports.Length, NpgsqlDbType.Integer, ct);
            await writer.WriteAsync(t.Status == TrialStatus.Failed ? 3 : 1, NpgsqlDbType.Integer, ct);
            await writer.WriteAsync(t.Preempted ? 1 : 0, NpgsqlDbType.Integer, ct);
            await writer.WriteAsync(0, NpgsqlDbType.Integer, ct);
            await writer.WriteAsync(t.Preempted ? 2L : 1L, NpgsqlDbType.Bigint, ct);
            await writer.WriteAsync(false, NpgsqlDbType.Boolean, ct);
            await writer.WriteAsync((t.Number + 1000).ToString(CultureInfo.InvariantCulture), NpgsqlDbType.Varchar, ct);
            await writer.WriteAsync(t.StartedAt.AddSeconds(-5), NpgsqlDbType.TimestampTz, ct);
            await writer.WriteAsync(t.StartedAt, NpgsqlDbType.TimestampTz, ct);
            await writer.WriteAsync(t.FinishedAt, NpgsqlDbType.TimestampTz, ct);
            await WriteNullableAsync<string>(writer, t.Status == TrialStatus.Failed ? "CUDA out of memory" : null, NpgsqlDbType.Text, ct);
        }

        await writer.CompleteAsync(ct);
    }

    private static async Task<long[]> TrialIdsAsync(NpgsqlConnection connection, long sweepId, int trials, CancellationToken ct)
    {
        var ids = new long[trials];
        await using var command = new NpgsqlCommand("SELECT number, id FROM tuner.trials WHERE sweep_id = $1", connection)
        {
            Parameters = { new() { Value = sweepId } },
        };
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) ids[reader.GetInt32(0)] = reader.GetInt64(1);
        return ids;
    }

    private static async Task CopyReportsAsync(NpgsqlConnection connection, long[] ids, List<TrialShape> shapes, CancellationToken ct)
    {
        await using var writer = await connection.BeginBinaryImportAsync(
            "COPY tuner.trial_reports (trial_id, epoch, value, metrics_json, seconds, reported_at) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var t in shapes)
        {
            for (var epoch = 1; epoch <= t.Reports.Length; epoch++)
            {
                var value = t.Reports[epoch - 1];
                await writer.StartRowAsync(ct);
                await writer.WriteAsync(ids[t.Number], NpgsqlDbType.Bigint, ct);
                await writer.WriteAsync(epoch, NpgsqlDbType.Integer, ct);
                await writer.WriteAsync(value, NpgsqlDbType.Double, ct);
                await writer.WriteAsync(string.Create(CultureInfo.InvariantCulture, $$"""{"val_loss": {{value:R}}}"""), NpgsqlDbType.Jsonb, ct);
                await writer.WriteAsync(10.0, NpgsqlDbType.Double, ct);
                await writer.WriteAsync(t.StartedAt.AddSeconds(50 + 10 * epoch), NpgsqlDbType.TimestampTz, ct);
            }
        }

        await writer.CompleteAsync(ct);
    }

    private static async Task CopyRunsAndCostsAsync(NpgsqlConnection connection, long sweepId, long[] ids, List<TrialShape> shapes, CancellationToken ct)
    {
        var runs = new List<(long TrialId, string Worker, int ResumedEpoch, int Epochs, TrialRunOutcome Outcome, DateTimeOffset Start, DateTimeOffset End, string? Reason)>();
        foreach (var t in shapes)
        {
            var worker = Workers + (t.Number % WorkerCount).ToString(CultureInfo.InvariantCulture);
            var outcome = t.Status switch { TrialStatus.Complete => TrialRunOutcome.Completed, TrialStatus.Pruned => TrialRunOutcome.Pruned, _ => TrialRunOutcome.Failed };
            if (t.Preempted)
            {
                var notice = t.StartedAt.AddSeconds(30);
                var resumeAt = Math.Min(2, t.Reports.Length);
                runs.Add((ids[t.Number], worker, 0, resumeAt, TrialRunOutcome.Preempted, t.StartedAt, notice, "spot notice"));
                runs.Add((ids[t.Number], Workers + ((t.Number + 1) % WorkerCount).ToString(CultureInfo.InvariantCulture), resumeAt,
                    t.Reports.Length - resumeAt, outcome, notice.AddSeconds(5), t.FinishedAt, null));
            }
            else
            {
                runs.Add((ids[t.Number], worker, 0, t.Reports.Length, outcome, t.StartedAt, t.FinishedAt, null));
            }
        }

        await using (var writer = await connection.BeginBinaryImportAsync("""
            COPY tuner.trial_runs (trial_id, worker_id, lease_token, resumed_epoch, resumed_batch, epochs_trained, outcome, started_at, ended_at, end_reason)
            FROM STDIN (FORMAT BINARY)
            """, ct))
        {
            foreach (var r in runs)
            {
                await writer.StartRowAsync(ct);
                await writer.WriteAsync(r.TrialId, NpgsqlDbType.Bigint, ct);
                await writer.WriteAsync(r.Worker, NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync(1L, NpgsqlDbType.Bigint, ct);
                await writer.WriteAsync(r.ResumedEpoch, NpgsqlDbType.Integer, ct);
                await writer.WriteAsync(0, NpgsqlDbType.Integer, ct);
                await writer.WriteAsync(r.Epochs, NpgsqlDbType.Integer, ct);
                await writer.WriteAsync(r.Outcome.ToString(), NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync(r.Start, NpgsqlDbType.TimestampTz, ct);
                await writer.WriteAsync(r.End, NpgsqlDbType.TimestampTz, ct);
                await WriteNullableAsync(writer, r.Reason, NpgsqlDbType.Varchar, ct);
            }

            await writer.CompleteAsync(ct);
        }

        // One ledger line per run at $0.36 an hour, on the run's worker; trial_run_id is left out (the ids are the database's).
        await using var costs = await connection.BeginBinaryImportAsync("""
            COPY tuner.cost_entries (machine, pool, sweep_id, trial_id, kind, starts_at, ends_at, share, seconds, market, usd_per_hour, usd,
                                     price_source, estimated)
            FROM STDIN (FORMAT BINARY)
            """, ct);
        foreach (var r in runs)
        {
            var seconds = (r.End - r.Start).TotalSeconds;
            await costs.StartRowAsync(ct);
            await costs.WriteAsync("worker/" + r.Worker, NpgsqlDbType.Varchar, ct);
            await costs.WriteAsync("local", NpgsqlDbType.Varchar, ct);
            await costs.WriteAsync(sweepId, NpgsqlDbType.Bigint, ct);
            await costs.WriteAsync(r.TrialId, NpgsqlDbType.Bigint, ct);
            await costs.WriteAsync(nameof(CostKind.Training), NpgsqlDbType.Varchar, ct);
            await costs.WriteAsync(r.Start, NpgsqlDbType.TimestampTz, ct);
            await costs.WriteAsync(r.End, NpgsqlDbType.TimestampTz, ct);
            await costs.WriteAsync(1, NpgsqlDbType.Integer, ct);
            await costs.WriteAsync(seconds, NpgsqlDbType.Double, ct);
            await costs.WriteAsync(nameof(Core.Capacity.CapacityMarket.OnDemand), NpgsqlDbType.Varchar, ct);
            await costs.WriteAsync(0.36m, NpgsqlDbType.Numeric, ct);
            await costs.WriteAsync(Math.Round((decimal)seconds * 0.36m / 3600, 6), NpgsqlDbType.Numeric, ct);
            await costs.WriteAsync("LargeSweep", NpgsqlDbType.Varchar, ct);
            await costs.WriteAsync(false, NpgsqlDbType.Boolean, ct);
        }

        await costs.CompleteAsync(ct);
    }

    private static Task WriteNullableAsync<T>(NpgsqlBinaryImporter writer, T? value, NpgsqlDbType type, CancellationToken ct) where T : class =>
        value is null ? writer.WriteNullAsync(ct) : writer.WriteAsync(value, type, ct);

    private static Task WriteNullableAsync<T>(NpgsqlBinaryImporter writer, T? value, NpgsqlDbType type, CancellationToken ct) where T : struct =>
        value is { } v ? writer.WriteAsync(v, type, ct) : writer.WriteNullAsync(ct);
}

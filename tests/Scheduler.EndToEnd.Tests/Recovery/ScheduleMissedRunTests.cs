using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Npgsql;
using Tuner.Scheduler.Api.Contracts;
using Tuner.Scheduler.EndToEnd.Tests.Support;
using Tuner.TestSupport;
using Tuner.TestSupport.Postgres;

namespace Tuner.Scheduler.EndToEnd.Tests.Recovery;

/// <summary>
/// docs/schedules.md: "a firing missed while no server ran: fired once when a server starts again (Hangfire's Relaxed
/// misfire handling), however many occurrences were missed". Across a real `tuner server` restart: a daily schedule
/// made through the CLI, the server stopped, three occurrences missed, the server started again.
/// </summary>
[Collection("postgres")]
public sealed partial class ScheduleMissedRunTests(PostgresServerFixture postgres)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Hangfire's RecurringJobScheduler waits BackgroundJobServerOptions.SchedulePollingInterval between passes
    /// (15 s by default, DelayedJobScheduler.DefaultPollingDelay; `tuner server` does not change it: ServerHost.cs).</summary>
    private static readonly TimeSpan SchedulerPass = TimeSpan.FromSeconds(15);

    /// <summary>Daily, at an hour twelve hours away from now (UTC), so no real occurrence falls while the test runs.</summary>
    private static readonly int Hour = (DateTime.UtcNow.Hour + 12) % 24;

    private static readonly string Cron = FormattableString.Invariant($"0 {Hour} * * *");

    private const string JobId = "schedule-missed";

    private const string Template = """
        name: missed-{run_id}
        workload: { kind: synthetic, max_epochs: 2, function: branin, noise: 0 }
        objective: { metric: val_loss }
        space: { x0: { type: float, low: -5, high: 10 }, x1: { type: float, low: 0, high: 15 } }
        budget: { max_trials: 1, parallelism: 1 }
        """;

    [Fact]
    public async Task ADailyFiring_MissedThreeTimesWhileNoServerRan_FiresOnce_WhenTheServerStartsAgain()
    {
        var connectionString = await postgres.CreateDatabaseAsync("schedule_missed");
        var templateFolder = Directory.CreateTempSubdirectory("tuner-e2e-missed-").FullName;
        try
        {
            var file = Path.Combine(templateFolder, "missed.yaml");
            await File.WriteAllTextAsync(file, Template);

            // Day 0: a server, and a daily schedule made through the CLI (UTC); then the server is stopped as a user
            // stops it (SIGTERM), so its Hangfire server deregisters and releases its locks.
            ScheduleView made;
            await using (var before = await TunerCluster.StartAsync(connectionString))
            {
                var created = await TunerCommand.RunAsync(Cli(before), "schedule", "create", "missed", file, "--cron", Cron);
                Assert.True(created.ExitCode == 0, created.ToString());
                made = await ScheduleAsync(before);
                before.Server.Terminate();
                Assert.True(await before.Server.WaitForExitAsync(TimeSpan.FromSeconds(60)) is not null,
                    $"tuner server did not exit within 60 s of SIGTERM\n{before.Diagnostics()}");
            }

            var stored = await RecurringJobAsync(connectionString);
            Assert.Empty(made.Runs);
            Assert.False(stored.Hash.ContainsKey("LastExecution"), "the schedule has never fired");
            Assert.Equal(0, await CountAsync(connectionString, "SELECT count(*) FROM hangfire.server"));
            // Hangfire and Tuner agree on the next firing.
            Assert.Equal(made.NextRunAt!.Value.UtcDateTime, Time(stored.Hash["NextExecution"]));
            Assert.Equal(Seconds(Time(stored.Hash["NextExecution"])), stored.Score);

            var missed = await MoveThreeDaysBackAsync(connectionString);
            var restartedAt = DateTime.UtcNow;
            Assert.Equal(3, missed.Count);
            Assert.All(missed, occurrence => Assert.True(occurrence < restartedAt));

            // Day 3: the server starts again.
            await using var after = await TunerCluster.StartAsync(connectionString);
            var fired = await Eventually.GetAsync(
                async () => await ScheduleAsync(after) is { Runs.Count: > 0 } s ? s : null,
                TimeSpan.FromSeconds(90), "the missed firing once the server runs again", after.Diagnostics);
            // Several of Hangfire's recurring-job scheduler passes more: a second firing (Strict handling enqueues one
            // job per missed occurrence in the same pass; a next execution left in the past fires again on every pass)
            // would be a second run by now, Skipped behind the first run's sweep, or Started if that sweep had ended.
            await Task.Delay(3 * SchedulerPass + TimeSpan.FromSeconds(5));
            var settled = await ScheduleAsync(after);
            var shown = await TunerCommand.RunAsync(Cli(after), "schedule", "show", "missed");
            var now = DateTimeOffset.UtcNow;
            var afterwards = await RecurringJobAsync(connectionString);

            var run = Assert.Single(settled.Runs);
            Assert.Equal(fired.Runs[0].Id, run.Id);
            Assert.True(run.Outcome == "Started", $"{run.Outcome}: {run.Message}\n{after.Diagnostics()}");
            Assert.Equal("fired on schedule", run.Message);
            Assert.True(run.FiredAt >= restartedAt, $"fired at {run.FiredAt:O}, before the restart at {restartedAt:O}");
            // Relaxed handling fires at the time the server catches up, not at a missed occurrence: the run's date is today's.
            Assert.Equal(run.FiredAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), run.RunDate);
            Assert.Equal($"missed-{run.Id}", (await after.SweepAsync(run.SweepId!.Value)).Name);
            // One background job from Hangfire's scheduler for the recurring job (each carries its RecurringJobId).
            Assert.Equal(1, await CountAsync(connectionString,
                $"SELECT count(*) FROM hangfire.jobparameter WHERE name = 'RecurringJobId' AND value = '{JsonSerializer.Serialize(JobId)}'"));

            Assert.True(settled.NextRunAt > now, $"next firing {settled.NextRunAt:O} is not after {now:O}");
            Assert.Equal(TimeSpan.FromHours(Hour), settled.NextRunAt!.Value.UtcDateTime.TimeOfDay);
            // Hangfire itself moved on: its next execution (the hash field and the set's score it polls) is the same
            // future occurrence, and its last execution is the catch-up firing.
            Assert.Equal(settled.NextRunAt.Value.UtcDateTime, Time(afterwards.Hash["NextExecution"]));
            Assert.Equal(Seconds(Time(afterwards.Hash["NextExecution"])), afterwards.Score);
            Assert.InRange(Time(afterwards.Hash["LastExecution"]), restartedAt, now.UtcDateTime);

            Assert.True(shown.ExitCode == 0, shown.ToString());
            var lines = shown.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(FormattableString.Invariant($"missed  '{Cron}' UTC  next {settled.NextRunAt:yyyy-MM-dd HH:mm} +00:00  last run {run.Id}: Started (sweep {run.SweepId})"), lines[0]);
            Assert.Single(lines, l => RunLine().IsMatch(l));
        }
        finally
        {
            Directory.Delete(templateFolder, recursive: true);
        }
    }

    /// <summary>
    /// Leaves Hangfire's storage exactly as a server that made the schedule three days ago, and has not run since, would
    /// have left it. Hangfire 1.8 (1.8.25 here; its scheduling code is 1.8.24's, the release only changed translations
    /// and messages) keeps a recurring job in two places, both written by RecurringJobExtensions.UpdateRecurringJob
    /// whenever the job changes (AddOrUpdate, or a scheduler pass that fired it): the hash "recurring-job:ID" (Cron,
    /// TimeZoneId, Job, CreatedAt, NextExecution, LastExecution once fired, ...), and its entry in the set
    /// "recurring-jobs" scored with NextExecution in Unix seconds. RecurringJobScheduler.EnqueueNextRecurringJobs polls
    /// that set for entries scored from 0 to now (GetFirstByLowestScoreFromSet), so the score is what makes a job due;
    /// ScheduleRecurringJob then computes the firings with RecurringJobEntity.ScheduleNext(from: LastExecution ??
    /// CreatedAt - 1 s, now): not from NextExecution. With Relaxed misfire handling, every occurrence between from and
    /// now becomes one firing at now (next = now, so the loop's next GetNextOccurrence is in the future); Strict would
    /// fire each one, Ignorable none older than two polling intervals.
    /// A server down for three days leaves CreatedAt (or LastExecution) before the occurrences it missed, and
    /// NextExecution and the set's score at the first of them: nothing else changes while no Hangfire server runs (in
    /// Hangfire.PostgreSql 1.21 the hash and the set are the tables hangfire.hash and hangfire.set, a set's score a
    /// FLOAT8). So every stored time is moved three days back, as if the same AddOrUpdate had run then; the schedule's
    /// own row (tuner.schedules.created_at) too, though nothing that fires reads it. The times are written as Hangfire
    /// 1.8 writes them (JobHelper.SerializeDateTime: Unix milliseconds at CompatibilityLevel.Version_180).
    /// No `tuner worker` runs here: a worker is a full Hangfire server (WorkerHost.cs), with its own recurring-job
    /// scheduler, which would enqueue each occurrence on time while no `tuner server` runs, to be run one by one on start.
    /// </summary>
    /// <returns>The occurrences now missed.</returns>
    private static async Task<List<DateTime>> MoveThreeDaysBackAsync(string connectionString)
    {
        var back = TimeSpan.FromDays(3);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var stored = await RecurringJobAsync(connection);
        var createdAt = Time(stored.Hash["CreatedAt"]) - back;
        var next = Time(stored.Hash["NextExecution"]) - back;
        foreach (var (field, value) in new[] { ("CreatedAt", createdAt), ("NextExecution", next) })
        {
            await ExecuteAsync(connection, """UPDATE hangfire.hash SET value = @value WHERE key = @key AND field = @field""",
                ("value", Milliseconds(value)), ("key", $"recurring-job:{JobId}"), ("field", field));
        }

        await ExecuteAsync(connection, """UPDATE hangfire."set" SET score = @score WHERE key = 'recurring-jobs' AND value = @job""",
            ("score", (double)Seconds(next)), ("job", JobId));
        await ExecuteAsync(connection, "UPDATE tuner.schedules SET created_at = created_at - interval '3 days' WHERE name = 'missed'");
        await transaction.CommitAsync();

        var moved = await RecurringJobAsync(connection);
        Assert.Equal(Seconds(next), moved.Score);
        Assert.Equal(next, Time(moved.Hash["NextExecution"]));
        // The daily occurrences from the first one missed to now: what Strict handling would fire one by one.
        var now = DateTime.UtcNow;
        return [.. Enumerable.Range(0, 4).Select(day => next.AddDays(day)).Where(occurrence => occurrence <= now)];
    }

    private sealed record StoredJob(IReadOnlyDictionary<string, string> Hash, long Score);

    private static async Task<StoredJob> RecurringJobAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return await RecurringJobAsync(connection);
    }

    private static async Task<StoredJob> RecurringJobAsync(NpgsqlConnection connection)
    {
        var hash = new Dictionary<string, string>();
        await using (var command = new NpgsqlCommand("SELECT field, value FROM hangfire.hash WHERE key = @key", connection))
        {
            command.Parameters.AddWithValue("key", $"recurring-job:{JobId}");
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) hash[reader.GetString(0)] = reader.IsDBNull(1) ? "" : reader.GetString(1);
        }

        Assert.True(hash.Count > 0, $"Hangfire has no recurring job {JobId}");
        await using var score = new NpgsqlCommand("""SELECT score FROM hangfire."set" WHERE key = 'recurring-jobs' AND value = @job""", connection);
        score.Parameters.AddWithValue("job", JobId);
        return new StoredJob(hash, (long)(double)(await score.ExecuteScalarAsync() ?? throw new InvalidOperationException($"{JobId} is not in the recurring-jobs set")));
    }

    private static async Task<long> CountAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }

    /// <summary>A time as Hangfire stores it (JobHelper.DeserializeDateTime): Unix milliseconds, or seconds for old values.</summary>
    private static DateTime Time(string stored)
    {
        var value = long.Parse(stored, NumberStyles.None, CultureInfo.InvariantCulture);
        return value > 253_402_300_799 ? DateTime.UnixEpoch.AddMilliseconds(value) : DateTime.UnixEpoch.AddSeconds(value);
    }

    private static string Milliseconds(DateTime time) =>
        ((long)(time - DateTime.UnixEpoch).TotalMilliseconds).ToString("D", CultureInfo.InvariantCulture);

    /// <summary>A set score as JobHelper.ToTimestamp makes it: whole Unix seconds.</summary>
    private static long Seconds(DateTime time) => (long)(time - DateTime.UnixEpoch).TotalSeconds;

    private static Dictionary<string, string> Cli(TunerCluster cluster) =>
        new() { ["TUNER_SERVER"] = cluster.Http.BaseAddress!.ToString().TrimEnd('/') };

    private static async Task<ScheduleView> ScheduleAsync(TunerCluster cluster) =>
        (await cluster.Http.GetFromJsonAsync<ScheduleView>("api/schedules/missed", Json))!;

    [GeneratedRegex(@"^  run \d+  ")]
    private static partial Regex RunLine();
}

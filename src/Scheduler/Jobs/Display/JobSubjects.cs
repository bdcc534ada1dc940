using System.Data.Common;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tuner.Persistence;

namespace Tuner.Jobs.Display;

/// <summary>
/// What a dashboard page's jobs are about (a trial, a sweep, a schedule), read from Tuner's database while the page
/// renders: one small query per subject, remembered for the rest of the request (a job's name is drawn more than once
/// on some pages, and a sweep's orchestration passes share its name). A database that cannot be read is tried once per
/// request, so a page of fifty jobs waits for one failure, not fifty, and shows the names it can make without it.
/// </summary>
internal sealed class JobSubjects
{
    private static readonly object ItemsKey = new();
    private static readonly TimeSpan QueryTimeout = TimeSpan.FromSeconds(5);

    private readonly IDbContextFactory<TunerDbContext>? _contexts;
    private readonly ILogger? _logger;
    private readonly Dictionary<long, TrialSubject?> _trials = [];
    private readonly Dictionary<long, string?> _sweeps = [];
    private readonly Dictionary<long, string?> _schedules = [];
    private bool _failed;

    private JobSubjects(IDbContextFactory<TunerDbContext>? contexts, ILogger? logger)
    {
        _contexts = contexts;
        _logger = logger;
    }

    /// <summary>The request's lookups; with no ASP.NET Core request or no Tuner database, lookups answer "unavailable".</summary>
    public static JobSubjects For(DashboardContext context)
    {
        if (context is not AspNetCoreDashboardContext { HttpContext: var http })
        {
            return new JobSubjects(null, null);
        }

        if (http.Items.TryGetValue(ItemsKey, out var existing) && existing is JobSubjects subjects)
        {
            return subjects;
        }

        subjects = Create(http);
        http.Items[ItemsKey] = subjects;
        return subjects;
    }

    private static JobSubjects Create(HttpContext http) => new(
        http.RequestServices.GetService<IDbContextFactory<TunerDbContext>>(),
        http.RequestServices.GetService<ILogger<JobSubjects>>());

    /// <summary>False when the database could not be read; otherwise <paramref name="trial"/> is null for a trial that
    /// is no longer there.</summary>
    public bool TryTrial(long trialId, out TrialSubject? trial) => TryRead(_trials, trialId, static (db, id) => db.Trials
        .Where(t => t.Id == id)
        .Select(t => new TrialSubject(t.Id, t.Number, t.SweepId, t.Sweep!.Name))
        .SingleOrDefault(), out trial);

    public bool TrySweepName(long sweepId, out string? name) =>
        TryRead(_sweeps, sweepId, static (db, id) => db.Sweeps.Where(s => s.Id == id).Select(s => s.Name).SingleOrDefault(), out name);

    public bool TryScheduleName(long scheduleId, out string? name) =>
        TryRead(_schedules, scheduleId, static (db, id) => db.Schedules.Where(s => s.Id == id).Select(s => s.Name).SingleOrDefault(), out name);

    /// <summary>Synchronous because Hangfire draws its pages synchronously (<c>JobDisplayNameAttribute.Format</c>).</summary>
    private bool TryRead<T>(Dictionary<long, T?> known, long id, Func<TunerDbContext, long, T?> query, out T? value)
        where T : class
    {
        if (known.TryGetValue(id, out value))
        {
            return true;
        }

        if (_contexts is null || _failed)
        {
            return false;
        }

        try
        {
            using var db = _contexts.CreateDbContext();
            db.Database.SetCommandTimeout(QueryTimeout);
            value = query(db, id);
            known[id] = value;
            return true;
        }
        catch (Exception e) when (e is DbException or InvalidOperationException or TimeoutException)
        {
            _failed = true;
            _logger?.LogWarning(e, "The dashboard could not read job names from the database; it shows the jobs' ids");
            value = null;
            return false;
        }
    }
}

/// <summary>A trial as its job's name and page link need it.</summary>
internal sealed record TrialSubject(long TrialId, int Number, long SweepId, string SweepName);

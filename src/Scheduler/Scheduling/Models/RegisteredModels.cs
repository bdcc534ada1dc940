using Microsoft.EntityFrameworkCore;
using Tuner.Persistence;

namespace Tuner.Scheduling.Models;

/// <summary>Makes a model by name if there is none, in the caller's unit of work (a schedule that names it, or an
/// operator's first promotion); concurrent callers make it once.</summary>
public static class RegisteredModels
{
    public static Task EnsureAsync(TunerDbContext db, string name, DateTimeOffset now, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync($"INSERT INTO tuner.models (name, created_at) VALUES ({name}, {now}) ON CONFLICT (name) DO NOTHING", ct);
}

using Microsoft.EntityFrameworkCore;
using Tuner.Core.Model;

namespace Tuner.Persistence;

public sealed class TunerDbContext(DbContextOptions<TunerDbContext> options) : DbContext(options)
{
    public DbSet<Sweep> Sweeps => Set<Sweep>();
    public DbSet<Trial> Trials => Set<Trial>();
    public DbSet<TrialReport> TrialReports => Set<TrialReport>();
    public DbSet<Checkpoint> Checkpoints => Set<Checkpoint>();
    public DbSet<TrialRun> TrialRuns => Set<TrialRun>();
    public DbSet<Worker> Workers => Set<Worker>();
    public DbSet<SweepEvent> SweepEvents => Set<SweepEvent>();
    public DbSet<CapacityPool> CapacityPools => Set<CapacityPool>();
    public DbSet<CapacityInstance> CapacityInstances => Set<CapacityInstance>();

    /// <summary>Schema <c>tuner</c>, one <see cref="IEntityTypeConfiguration{TEntity}"/> per entity (Configurations/),
    /// snake_case names from <see cref="TunerDatabase.UseTunerPostgres(DbContextOptionsBuilder, string)"/>.</summary>
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(TunerDatabase.Schema);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(TunerDbContext).Assembly);
    }
}

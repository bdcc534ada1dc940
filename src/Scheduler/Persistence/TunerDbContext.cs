using Microsoft.EntityFrameworkCore;
using Tuner.Core.Model;

namespace Tuner.Persistence;

public sealed class TunerDbContext : DbContext
{
    public TunerDbContext(DbContextOptions<TunerDbContext> options)
        : base(options)
    {
        // No savepoint before each SaveChanges inside Tuner's own transactions: Tuner never carries on after a failed
        // SaveChanges in a transaction (the whole transaction rolls back), so each savepoint was two statements for
        // nothing, 14 of them per trial (docs/benchmarks.md, the orchestrator's own cost).
        Database.AutoSavepointsEnabled = false;
    }

    public DbSet<Sweep> Sweeps => Set<Sweep>();
    public DbSet<Trial> Trials => Set<Trial>();
    public DbSet<TrialReport> TrialReports => Set<TrialReport>();
    public DbSet<Checkpoint> Checkpoints => Set<Checkpoint>();
    public DbSet<TrialRun> TrialRuns => Set<TrialRun>();
    public DbSet<Worker> Workers => Set<Worker>();
    public DbSet<SweepEvent> SweepEvents => Set<SweepEvent>();
    public DbSet<CapacityPool> CapacityPools => Set<CapacityPool>();
    public DbSet<CapacityInstance> CapacityInstances => Set<CapacityInstance>();
    public DbSet<CostEntry> CostEntries => Set<CostEntry>();
    public DbSet<LedgerMark> LedgerMarks => Set<LedgerMark>();
    public DbSet<BudgetAlert> BudgetAlerts => Set<BudgetAlert>();
    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();
    public DbSet<QueuedConfiguration> QueuedConfigurations => Set<QueuedConfiguration>();
    public DbSet<Schedule> Schedules => Set<Schedule>();
    public DbSet<ScheduleRun> ScheduleRuns => Set<ScheduleRun>();
    public DbSet<RegisteredModel> Models => Set<RegisteredModel>();
    public DbSet<PromotionDecision> PromotionDecisions => Set<PromotionDecision>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    /// <summary>Schema <c>tuner</c>, one <see cref="IEntityTypeConfiguration{TEntity}"/> per entity (Configurations/),
    /// snake_case names from <see cref="TunerDatabase.UseTunerPostgres(DbContextOptionsBuilder, string)"/>.</summary>
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(TunerDatabase.Schema);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(TunerDbContext).Assembly);
    }
}

using Microsoft.EntityFrameworkCore;
using Tuner.Core.Model;

namespace Tuner.Scheduler.Data;

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

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema("tuner");

        modelBuilder.Entity<Sweep>(e =>
        {
            e.Property(s => s.State).HasConversion<string>().HasMaxLength(16);
            e.Property(s => s.Name).HasMaxLength(200);
            e.Property(s => s.Objective).HasMaxLength(100);
            e.HasMany(s => s.Trials).WithOne(t => t.Sweep).HasForeignKey(t => t.SweepId);
            e.Property(s => s.Pool).HasMaxLength(100);
            e.HasIndex(s => s.State);
        });

        modelBuilder.Entity<Trial>(e =>
        {
            e.Property(t => t.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(t => t.ParamsJson).HasColumnType("jsonb");
            e.Property(t => t.LeaseOwner).HasMaxLength(200);
            e.Property(t => t.JobId).HasMaxLength(64);
            e.HasIndex(t => new { t.SweepId, t.Number }).IsUnique();
            e.HasIndex(t => t.Status);
            e.HasMany(t => t.Reports).WithOne().HasForeignKey(r => r.TrialId);
            e.HasMany(t => t.Checkpoints).WithOne().HasForeignKey(c => c.TrialId);
            e.HasMany(t => t.Runs).WithOne().HasForeignKey(r => r.TrialId);
        });

        modelBuilder.Entity<TrialReport>(e =>
        {
            e.HasKey(r => new { r.TrialId, r.Step });
            e.Property(r => r.MetricsJson).HasColumnType("jsonb");
        });

        modelBuilder.Entity<Checkpoint>(e =>
        {
            e.Property(c => c.State).HasConversion<string>().HasMaxLength(16);
            e.Property(c => c.Key).HasMaxLength(400);
            e.Property(c => c.Sha256).HasMaxLength(64);
            e.HasIndex(c => new { c.TrialId, c.State });
        });

        modelBuilder.Entity<TrialRun>(e =>
        {
            e.Property(r => r.Outcome).HasConversion<string>().HasMaxLength(16);
            e.Property(r => r.WorkerId).HasMaxLength(200);
            e.Property(r => r.EndReason).HasMaxLength(400);
            e.HasIndex(r => r.TrialId);
        });

        modelBuilder.Entity<Worker>(e =>
        {
            e.Property(w => w.Id).HasMaxLength(200);
            e.Property(w => w.Host).HasMaxLength(200);
            e.Property(w => w.State).HasConversion<string>().HasMaxLength(16);
            e.Property(w => w.InstanceId).HasMaxLength(100);
            e.Property(w => w.Queue).HasMaxLength(100);
        });

        modelBuilder.Entity<SweepEvent>(e =>
        {
            e.Property(v => v.Kind).HasMaxLength(40);
            e.HasIndex(v => new { v.SweepId, v.Id });
        });

        modelBuilder.Entity<CapacityPool>(e =>
        {
            e.HasKey(p => p.Name);
            e.Property(p => p.Name).HasMaxLength(100);
            e.Property(p => p.Provider).HasMaxLength(16);
            e.Property(p => p.InstanceTypesJson).HasColumnType("jsonb");
            e.Property(p => p.LabelsJson).HasColumnType("jsonb");
        });

        modelBuilder.Entity<CapacityInstance>(e =>
        {
            e.Property(i => i.Provider).HasMaxLength(16);
            e.Property(i => i.Pool).HasMaxLength(100);
            e.Property(i => i.LaunchToken).HasMaxLength(64);
            e.Property(i => i.InstanceId).HasMaxLength(100);
            e.Property(i => i.InstanceType).HasMaxLength(64);
            e.Property(i => i.Zone).HasMaxLength(64);
            e.Property(i => i.Market).HasConversion<string>().HasMaxLength(16);
            e.Property(i => i.State).HasConversion<string>().HasMaxLength(16);
            e.Property(i => i.HourlyPriceUsd).HasPrecision(12, 6);
            e.Property(i => i.EndReason).HasMaxLength(400);
            e.HasIndex(i => i.LaunchToken).IsUnique();
            e.HasIndex(i => new { i.Pool, i.State });
            e.HasIndex(i => i.InstanceId);
        });

        SnakeCaseNaming.Apply(modelBuilder);
    }
}

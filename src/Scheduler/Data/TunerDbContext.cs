using Microsoft.EntityFrameworkCore;
using Tuner.Scheduler.Data.Entities;

namespace Tuner.Scheduler.Data;

public sealed class TunerDbContext(DbContextOptions<TunerDbContext> options) : DbContext(options)
{
    public DbSet<Sweep> Sweeps => Set<Sweep>();
    public DbSet<Trial> Trials => Set<Trial>();
    public DbSet<TrialReport> TrialReports => Set<TrialReport>();
    public DbSet<Checkpoint> Checkpoints => Set<Checkpoint>();
    public DbSet<TrialRun> TrialRuns => Set<TrialRun>();
    public DbSet<Worker> Workers => Set<Worker>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema("tuner");

        modelBuilder.Entity<Sweep>(e =>
        {
            e.Property(s => s.State).HasConversion<string>().HasMaxLength(16);
            e.Property(s => s.Name).HasMaxLength(200);
            e.Property(s => s.Objective).HasMaxLength(100);
            e.HasMany(s => s.Trials).WithOne(t => t.Sweep).HasForeignKey(t => t.SweepId);
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
            e.HasIndex(c => new { c.TrialId, c.State });
        });

        modelBuilder.Entity<TrialRun>(e =>
        {
            e.Property(r => r.Outcome).HasConversion<string>().HasMaxLength(16);
            e.Property(r => r.WorkerId).HasMaxLength(200);
            e.HasIndex(r => r.TrialId);
        });

        modelBuilder.Entity<Worker>(e =>
        {
            e.Property(w => w.Id).HasMaxLength(200);
            e.Property(w => w.Host).HasMaxLength(200);
            e.Property(w => w.State).HasConversion<string>().HasMaxLength(16);
        });

        SnakeCaseNaming.Apply(modelBuilder);
    }
}

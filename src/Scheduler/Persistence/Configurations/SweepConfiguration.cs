using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tuner.Core.Model;

namespace Tuner.Persistence.Configurations;

/// <summary>A sweep: state and name bounded, its trials by foreign key, indexed by state (the orchestrator and the reconciler look for active sweeps).</summary>
internal sealed class SweepConfiguration : IEntityTypeConfiguration<Sweep>
{
    public void Configure(EntityTypeBuilder<Sweep> entity)
    {
        entity.Property(s => s.State).HasConversion<string>().HasMaxLength(16);
        entity.Property(s => s.Name).HasMaxLength(200);
        entity.Property(s => s.Objective).HasMaxLength(100);
        entity.HasMany(s => s.Trials).WithOne(t => t.Sweep).HasForeignKey(t => t.SweepId);
        entity.Property(s => s.Pool).HasMaxLength(100);
        entity.HasIndex(s => s.State);
        entity.Property(s => s.MaxCostUsd).HasPrecision(14, 6);
        entity.Property(s => s.LabelsJson).HasColumnType("jsonb").HasDefaultValueSql("'{}'::jsonb");
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tuner.Core.Model;

namespace Tuner.Persistence.Configurations;

/// <summary>A trial: status and lease owner bounded, parameters as jsonb, numbered uniquely within its sweep, indexed by status.</summary>
internal sealed class TrialConfiguration : IEntityTypeConfiguration<Trial>
{
    public void Configure(EntityTypeBuilder<Trial> entity)
    {
        entity.Property(t => t.Status).HasConversion<string>().HasMaxLength(16);
        entity.Property(t => t.ParamsJson).HasColumnType("jsonb");
        entity.Property(t => t.LeaseOwner).HasMaxLength(200);
        entity.Property(t => t.JobId).HasMaxLength(64);
        entity.HasIndex(t => new { t.SweepId, t.Number }).IsUnique();
        entity.HasIndex(t => t.Status);
        entity.HasMany(t => t.Reports).WithOne().HasForeignKey(r => r.TrialId);
        entity.HasMany(t => t.Checkpoints).WithOne().HasForeignKey(c => c.TrialId);
        entity.HasMany(t => t.Runs).WithOne().HasForeignKey(r => r.TrialId);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tuner.Core.Model;

namespace Tuner.Persistence.Configurations;

/// <summary>A checkpoint object: its key (at most 400 characters) and SHA-256, indexed by (trial, state) for retention.</summary>
internal sealed class CheckpointConfiguration : IEntityTypeConfiguration<Checkpoint>
{
    public void Configure(EntityTypeBuilder<Checkpoint> entity)
    {
        entity.Property(c => c.State).HasConversion<string>().HasMaxLength(16);
        entity.Property(c => c.Key).HasMaxLength(400);
        entity.Property(c => c.Sha256).HasMaxLength(64);
        entity.Property(c => c.Compression).HasMaxLength(16);
        entity.Property(c => c.StorageClass).HasMaxLength(32);
        entity.HasIndex(c => new { c.TrialId, c.State });
    }
}

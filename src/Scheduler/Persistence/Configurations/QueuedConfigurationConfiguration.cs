using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tuner.Core.Model;

namespace Tuner.Persistence.Configurations;

/// <summary>A queued configuration: JSON params, its source (at most 200 characters), indexed by (sweep, trial) so a
/// pass finds the waiting ones (trial null) of its sweep.</summary>
internal sealed class QueuedConfigurationConfiguration : IEntityTypeConfiguration<QueuedConfiguration>
{
    public void Configure(EntityTypeBuilder<QueuedConfiguration> entity)
    {
        entity.Property(q => q.ParamsJson).HasColumnType("jsonb");
        entity.Property(q => q.Source).HasMaxLength(200);
        entity.HasOne<Sweep>().WithMany().HasForeignKey(q => q.SweepId).OnDelete(DeleteBehavior.Cascade);
        entity.HasOne(q => q.Trial).WithMany().HasForeignKey(q => q.TrialId).OnDelete(DeleteBehavior.SetNull);
        entity.HasIndex(q => new { q.SweepId, q.TrialId });
    }
}

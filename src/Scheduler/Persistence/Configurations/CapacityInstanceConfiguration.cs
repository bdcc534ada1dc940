using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tuner.Core.Model;

namespace Tuner.Persistence.Configurations;

/// <summary>A launched machine: launch token unique (a retried launch finds its row), indexed by (pool, state) and by provider id.</summary>
internal sealed class CapacityInstanceConfiguration : IEntityTypeConfiguration<CapacityInstance>
{
    public void Configure(EntityTypeBuilder<CapacityInstance> entity)
    {
        entity.Property(i => i.Provider).HasMaxLength(16);
        entity.Property(i => i.Pool).HasMaxLength(100);
        entity.Property(i => i.LaunchToken).HasMaxLength(64);
        entity.Property(i => i.InstanceId).HasMaxLength(100);
        entity.Property(i => i.InstanceType).HasMaxLength(64);
        entity.Property(i => i.Zone).HasMaxLength(64);
        entity.Property(i => i.Market).HasConversion<string>().HasMaxLength(16);
        entity.Property(i => i.State).HasConversion<string>().HasMaxLength(16);
        entity.Property(i => i.HourlyPriceUsd).HasPrecision(12, 6);
        entity.Property(i => i.EndReason).HasMaxLength(EndReasons.MaxLength);
        entity.HasIndex(i => i.LaunchToken).IsUnique();
        entity.HasIndex(i => new { i.Pool, i.State });
        entity.HasIndex(i => i.InstanceId);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tuner.Core.Model;

namespace Tuner.Persistence.Configurations;

/// <summary>A capacity pool, keyed by its name; instance types and labels as jsonb.</summary>
internal sealed class CapacityPoolConfiguration : IEntityTypeConfiguration<CapacityPool>
{
    public void Configure(EntityTypeBuilder<CapacityPool> entity)
    {
        entity.HasKey(p => p.Name);
        entity.Property(p => p.Name).HasMaxLength(100);
        entity.Property(p => p.Provider).HasMaxLength(16);
        entity.Property(p => p.InstanceTypesJson).HasColumnType("jsonb");
        entity.Property(p => p.LabelsJson).HasColumnType("jsonb");
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tuner.Core.Model;

namespace Tuner.Persistence.Configurations;

/// <summary>An event of a sweep, indexed by (sweep, id) for paging in order.</summary>
internal sealed class SweepEventConfiguration : IEntityTypeConfiguration<SweepEvent>
{
    public void Configure(EntityTypeBuilder<SweepEvent> entity)
    {
        entity.Property(v => v.Kind).HasMaxLength(40);
        entity.HasIndex(v => new { v.SweepId, v.Id });
    }
}

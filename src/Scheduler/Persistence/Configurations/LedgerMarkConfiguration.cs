using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tuner.Core.Model;

namespace Tuner.Persistence.Configurations;

/// <summary>The ledger's mark per machine, keyed by the machine.</summary>
internal sealed class LedgerMarkConfiguration : IEntityTypeConfiguration<LedgerMark>
{
    public void Configure(EntityTypeBuilder<LedgerMark> entity)
    {
        entity.HasKey(m => m.Machine);
        entity.Property(m => m.Machine).HasMaxLength(220);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tuner.Core.Model;

namespace Tuner.Persistence.Configurations;

/// <summary>A ledger line: dollars to six decimals, indexed by sweep (reports, budgets), by machine and end (the ledger
/// finds the lines it may lengthen) and by run.</summary>
internal sealed class CostEntryConfiguration : IEntityTypeConfiguration<CostEntry>
{
    public void Configure(EntityTypeBuilder<CostEntry> entity)
    {
        entity.Property(e => e.Machine).HasMaxLength(220);
        entity.Property(e => e.Pool).HasMaxLength(100);
        entity.Property(e => e.Kind).HasConversion<string>().HasMaxLength(16);
        entity.Property(e => e.Market).HasConversion<string>().HasMaxLength(16);
        entity.Property(e => e.UsdPerHour).HasPrecision(12, 6);
        entity.Property(e => e.OnDemandUsdPerHour).HasPrecision(12, 6);
        entity.Property(e => e.Usd).HasPrecision(18, 6);
        entity.Property(e => e.OnDemandUsd).HasPrecision(18, 6);
        entity.Property(e => e.PriceSource).HasMaxLength(300);
        entity.HasIndex(e => e.SweepId);
        entity.HasIndex(e => new { e.Machine, e.EndsAt });
        entity.HasIndex(e => e.TrialRunId);
    }
}

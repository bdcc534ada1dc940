using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tuner.Core.Model;

namespace Tuner.Persistence.Configurations;

/// <summary>A budget alert, unique per (sweep, basis, threshold, budget): crossing a threshold twice records it once.</summary>
internal sealed class BudgetAlertConfiguration : IEntityTypeConfiguration<BudgetAlert>
{
    public void Configure(EntityTypeBuilder<BudgetAlert> entity)
    {
        entity.Property(a => a.Basis).HasMaxLength(16);
        entity.Property(a => a.MaxCostUsd).HasPrecision(14, 6);
        entity.Property(a => a.SpentUsd).HasPrecision(18, 6);
        entity.Property(a => a.ForecastUsd).HasPrecision(18, 6);
        entity.HasIndex(a => new { a.SweepId, a.Basis, a.Percent, a.MaxCostUsd }).IsUnique();
    }
}

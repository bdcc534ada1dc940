using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tuner.Core.Model;

namespace Tuner.Persistence.Configurations;

/// <summary>One reported epoch of a trial, keyed by (trial, epoch); its metrics as jsonb.</summary>
internal sealed class TrialReportConfiguration : IEntityTypeConfiguration<TrialReport>
{
    public void Configure(EntityTypeBuilder<TrialReport> entity)
    {
        entity.HasKey(r => new { r.TrialId, r.Epoch });
        entity.Property(r => r.MetricsJson).HasColumnType("jsonb");
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tuner.Core.Model;

namespace Tuner.Persistence.Configurations;

/// <summary>One run of a trial on one worker: outcome and end reason bounded, indexed by trial.</summary>
internal sealed class TrialRunConfiguration : IEntityTypeConfiguration<TrialRun>
{
    public void Configure(EntityTypeBuilder<TrialRun> entity)
    {
        entity.Property(r => r.Outcome).HasConversion<string>().HasMaxLength(16);
        entity.Property(r => r.WorkerId).HasMaxLength(200);
        entity.Property(r => r.EndReason).HasMaxLength(EndReasons.MaxLength);
        entity.HasIndex(r => r.TrialId);
    }
}

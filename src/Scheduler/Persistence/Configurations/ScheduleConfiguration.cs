using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tuner.Core.Model;

namespace Tuner.Persistence.Configurations;

/// <summary>A schedule: its unique name (at most 100 characters), cron and time zone; the model it names (at most 100 characters), guards as jsonb; its runs by schedule and time.</summary>
internal sealed class ScheduleConfiguration : IEntityTypeConfiguration<Schedule>, IEntityTypeConfiguration<ScheduleRun>
{
    public void Configure(EntityTypeBuilder<Schedule> entity)
    {
        entity.Property(s => s.Name).HasMaxLength(100);
        entity.Property(s => s.Cron).HasMaxLength(200);
        entity.Property(s => s.TimeZone).HasMaxLength(100);
        entity.Property(s => s.Overlap).HasConversion<string>().HasMaxLength(8);
        entity.Property(s => s.ModelName).HasMaxLength(100);
        entity.Property(s => s.PromotionGuardsJson).HasColumnType("jsonb");
        entity.HasIndex(s => s.Name).IsUnique();
    }

    public void Configure(EntityTypeBuilder<ScheduleRun> entity)
    {
        entity.Property(r => r.Outcome).HasConversion<string>().HasMaxLength(16);
        entity.Property(r => r.RunDate).HasMaxLength(10);
        entity.HasOne<Schedule>().WithMany().HasForeignKey(r => r.ScheduleId).OnDelete(DeleteBehavior.Cascade);
        entity.HasOne<Sweep>().WithMany().HasForeignKey(r => r.SweepId).OnDelete(DeleteBehavior.SetNull);
        entity.HasIndex(r => new { r.ScheduleId, r.Id });
    }
}

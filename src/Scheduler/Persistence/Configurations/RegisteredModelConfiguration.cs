using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tuner.Core.Model;

namespace Tuner.Persistence.Configurations;

/// <summary>A model: its unique name (at most 100 characters); its champion's and previous champion's trial and
/// checkpoint, which the database keeps from being deleted (restrict). Its decisions by model and id, one per
/// schedule run (unique where there is a run), scores as jsonb.</summary>
internal sealed class RegisteredModelConfiguration : IEntityTypeConfiguration<RegisteredModel>, IEntityTypeConfiguration<PromotionDecision>
{
    public void Configure(EntityTypeBuilder<RegisteredModel> entity)
    {
        entity.ToTable("models");
        entity.Property(m => m.Name).HasMaxLength(100);
        entity.HasIndex(m => m.Name).IsUnique();
        entity.HasOne<Trial>().WithMany().HasForeignKey(m => m.ChampionTrialId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne<Checkpoint>().WithMany().HasForeignKey(m => m.ChampionCheckpointId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne<Trial>().WithMany().HasForeignKey(m => m.PreviousTrialId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne<Checkpoint>().WithMany().HasForeignKey(m => m.PreviousCheckpointId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<PromotionDecision> entity)
    {
        entity.Property(d => d.Outcome).HasConversion<string>().HasMaxLength(20);
        entity.Property(d => d.Metric).HasMaxLength(200);
        entity.Property(d => d.Direction).HasMaxLength(8);
        entity.Property(d => d.DecidedBy).HasMaxLength(20);
        entity.Property(d => d.ChallengerScoresJson).HasColumnType("jsonb");
        entity.Property(d => d.ChampionScoresJson).HasColumnType("jsonb");
        entity.HasOne<RegisteredModel>().WithMany().HasForeignKey(d => d.ModelId).OnDelete(DeleteBehavior.Cascade);
        entity.HasOne<ScheduleRun>().WithMany().HasForeignKey(d => d.ScheduleRunId).OnDelete(DeleteBehavior.SetNull);
        entity.HasOne<Sweep>().WithMany().HasForeignKey(d => d.SweepId).OnDelete(DeleteBehavior.SetNull);
        entity.HasOne<Trial>().WithMany().HasForeignKey(d => d.ChallengerTrialId).OnDelete(DeleteBehavior.SetNull);
        entity.HasOne<Trial>().WithMany().HasForeignKey(d => d.ChampionTrialId).OnDelete(DeleteBehavior.SetNull);
        entity.HasOne<Checkpoint>().WithMany().HasForeignKey(d => d.ChallengerCheckpointId).OnDelete(DeleteBehavior.SetNull);
        entity.HasIndex(d => d.ScheduleRunId).IsUnique().HasFilter("schedule_run_id IS NOT NULL");
        entity.HasIndex(d => new { d.ModelId, d.Id });
        entity.HasIndex(d => d.Outcome).HasFilter("outcome = 'Pending'");
    }
}

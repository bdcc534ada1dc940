using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tuner.Core.Model;

namespace Tuner.Persistence.Configurations;

/// <summary>A webhook message: indexed by (state, due time), which the sender polls, and by sweep.</summary>
internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> entity)
    {
        entity.Property(d => d.Event).HasMaxLength(64);
        entity.Property(d => d.Url).HasMaxLength(2000);
        entity.Property(d => d.State).HasConversion<string>().HasMaxLength(16);
        entity.Property(d => d.LastError).HasMaxLength(500);
        entity.HasIndex(d => new { d.State, d.NextAttemptAt });
        entity.HasIndex(d => d.SweepId);
        entity.HasIndex(d => d.BudgetAlertId);
    }
}

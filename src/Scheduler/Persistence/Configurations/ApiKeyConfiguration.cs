using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tuner.Core.Model;

namespace Tuner.Persistence.Configurations;

/// <summary>API keys: looked up by their id part (unique); a name is unique among keys not revoked; the role as text.</summary>
internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> entity)
    {
        entity.ToTable("api_keys");
        entity.Property(k => k.Name).HasMaxLength(100);
        entity.Property(k => k.KeyId).HasMaxLength(12);
        entity.Property(k => k.KeyHash).HasMaxLength(32);
        entity.Property(k => k.Role).HasConversion<string>().HasMaxLength(10);
        entity.HasIndex(k => k.KeyId).IsUnique();
        entity.HasIndex(k => k.Name).IsUnique().HasFilter("revoked_at IS NULL");
    }
}

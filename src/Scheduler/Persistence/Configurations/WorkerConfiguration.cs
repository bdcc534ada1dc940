using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tuner.Core.Model;

namespace Tuner.Persistence.Configurations;

/// <summary>A `tuner worker` process: identity, host, queue and state bounded.</summary>
internal sealed class WorkerConfiguration : IEntityTypeConfiguration<Worker>
{
    public void Configure(EntityTypeBuilder<Worker> entity)
    {
        entity.Property(w => w.Id).HasMaxLength(200);
        entity.Property(w => w.Host).HasMaxLength(200);
        entity.Property(w => w.State).HasConversion<string>().HasMaxLength(16);
        entity.Property(w => w.InstanceId).HasMaxLength(100);
        entity.Property(w => w.Queue).HasMaxLength(100);
    }
}

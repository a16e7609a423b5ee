using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Infrastructure.Persistence.Configurations;

internal sealed class HealthCheckRecordConfiguration : IEntityTypeConfiguration<HealthCheckRecord>
{
    public void Configure(EntityTypeBuilder<HealthCheckRecord> builder)
    {
        builder.ToTable("HealthChecks");
        builder.HasKey(h => h.Id);
        builder.Property(h => h.Cadence).HasMaxLength(20);
        builder.Property(h => h.PhaseName).HasMaxLength(200);
        builder.Property(h => h.OverallVerdict).HasMaxLength(20);
        builder.Property(h => h.Summary).HasMaxLength(2000);
        builder.HasOne<RolloutRecord>().WithMany().HasForeignKey(h => h.RolloutId).OnDelete(DeleteBehavior.Cascade);

        // The list pages and the "previous check of this cadence" read newest first, by cadence and rollout.
        builder.HasIndex(h => h.RanAt);
        builder.HasIndex(h => new { h.Cadence, h.RolloutId, h.RanAt });
        builder.HasIndex(h => new { h.RolloutId, h.RanAt });
    }
}

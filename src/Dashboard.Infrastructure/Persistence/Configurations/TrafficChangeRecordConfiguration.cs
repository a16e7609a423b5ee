using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Infrastructure.Persistence.Configurations;

internal sealed class TrafficChangeRecordConfiguration : IEntityTypeConfiguration<TrafficChangeRecord>
{
    public void Configure(EntityTypeBuilder<TrafficChangeRecord> builder)
    {
        builder.ToTable("TrafficChanges");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.RequestedBy).HasMaxLength(200);
        builder.Property(t => t.Reason).HasMaxLength(2000);
        builder.Property(t => t.Source).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.FailureMessage).HasMaxLength(2000);
        builder.HasOne<RolloutRecord>().WithMany().HasForeignKey(t => t.RolloutId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => new { t.RolloutId, t.RequestedAt });
    }
}

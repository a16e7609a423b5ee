using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Infrastructure.Persistence.Configurations;

internal sealed class IntervalSumRecordConfiguration : IEntityTypeConfiguration<IntervalSumRecord>
{
    public void Configure(EntityTypeBuilder<IntervalSumRecord> builder)
    {
        builder.ToTable("IntervalSums");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.RolloutId).HasMaxLength(100);
        builder.Property(s => s.Family).HasMaxLength(20);
        builder.Property(s => s.Shape).HasMaxLength(64);
        builder.HasIndex(s => new { s.RolloutId, s.PhaseIndex, s.PhaseStartedAt, s.Family, s.Shape });
    }
}

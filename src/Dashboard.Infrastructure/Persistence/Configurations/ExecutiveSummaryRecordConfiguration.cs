using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Infrastructure.Persistence.Configurations;

internal sealed class ExecutiveSummaryRecordConfiguration : IEntityTypeConfiguration<ExecutiveSummaryRecord>
{
    public void Configure(EntityTypeBuilder<ExecutiveSummaryRecord> builder)
    {
        builder.ToTable("ExecutiveSummaries");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Milestone).HasMaxLength(10);
        builder.HasOne<RolloutRecord>().WithMany().HasForeignKey(s => s.RolloutId).OnDelete(DeleteBehavior.Cascade);

        // Exactly once: a second summary of the same milestone of the same phase run cannot be stored.
        builder.HasIndex(s => new { s.RolloutId, s.PhaseIndex, s.PhaseStartedAt, s.Milestone }).IsUnique();
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Infrastructure.Persistence.Configurations;

internal sealed class CheckpointVerdictRecordConfiguration : IEntityTypeConfiguration<CheckpointVerdictRecord>
{
    public void Configure(EntityTypeBuilder<CheckpointVerdictRecord> builder)
    {
        builder.ToTable("CheckpointVerdicts");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.OverallVerdict).HasMaxLength(20);
        builder.Property(v => v.SuggestedDecision).HasMaxLength(40);
        builder.HasOne<RolloutRecord>().WithMany().HasForeignKey(v => v.RolloutId).OnDelete(DeleteBehavior.Cascade);

        // Exactly once: a second evaluation of the same checkpoint of the same phase run cannot be stored.
        builder.HasIndex(v => new { v.RolloutId, v.PhaseIndex, v.PhaseStartedAt, v.CheckpointOffsetSeconds }).IsUnique();
    }
}

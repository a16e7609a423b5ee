using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Infrastructure.Persistence.Configurations;

internal sealed class CheckpointDecisionRecordConfiguration : IEntityTypeConfiguration<CheckpointDecisionRecord>
{
    public void Configure(EntityTypeBuilder<CheckpointDecisionRecord> builder)
    {
        builder.ToTable("CheckpointDecisions");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Decision).HasMaxLength(40);
        builder.Property(d => d.DecidedBy).HasMaxLength(200);
        builder.HasOne<CheckpointVerdictRecord>().WithMany().HasForeignKey(d => d.VerdictId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(d => new { d.VerdictId, d.DecidedAt });
    }
}

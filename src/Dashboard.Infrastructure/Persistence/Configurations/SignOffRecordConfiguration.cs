using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Infrastructure.Persistence.Configurations;

internal sealed class SignOffRecordConfiguration : IEntityTypeConfiguration<SignOffRecord>
{
    public void Configure(EntityTypeBuilder<SignOffRecord> builder)
    {
        builder.ToTable("SignOffs");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Role).HasMaxLength(40);
        builder.Property(s => s.Decision).HasMaxLength(20);
        builder.Property(s => s.Comment).HasMaxLength(GateRecordLimits.CommentLength);
        builder.Property(s => s.By).HasMaxLength(GateRecordLimits.NameLength);
        builder.HasOne<RolloutRecord>().WithMany().HasForeignKey(s => s.RolloutId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.RolloutId, s.PhaseIndex });
    }
}

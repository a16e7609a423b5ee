using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Infrastructure.Persistence.Configurations;

internal sealed class ChecklistTickRecordConfiguration : IEntityTypeConfiguration<ChecklistTickRecord>
{
    public void Configure(EntityTypeBuilder<ChecklistTickRecord> builder)
    {
        builder.ToTable("ChecklistTicks");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.TemplateId).HasMaxLength(GateRecordLimits.IdLength);
        builder.Property(t => t.ItemId).HasMaxLength(GateRecordLimits.IdLength);
        builder.Property(t => t.By).HasMaxLength(GateRecordLimits.NameLength);
        builder.HasOne<RolloutRecord>().WithMany().HasForeignKey(t => t.RolloutId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => new { t.RolloutId, t.PhaseIndex });
    }
}

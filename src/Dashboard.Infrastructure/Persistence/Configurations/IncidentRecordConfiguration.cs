using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Infrastructure.Persistence.Configurations;

internal sealed class IncidentRecordConfiguration : IEntityTypeConfiguration<IncidentRecord>
{
    public void Configure(EntityTypeBuilder<IncidentRecord> builder)
    {
        builder.ToTable("Incidents");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Severity).HasMaxLength(20);
        builder.Property(i => i.Title).HasMaxLength(IncidentLimits.TitleLength);
        builder.Property(i => i.Description).HasMaxLength(IncidentLimits.TextLength);
        builder.Property(i => i.Owner).HasMaxLength(IncidentLimits.NameLength);
        builder.Property(i => i.OpenedBy).HasMaxLength(IncidentLimits.NameLength);
        builder.Property(i => i.ResolvedBy).HasMaxLength(IncidentLimits.NameLength);
        builder.Property(i => i.Version).IsConcurrencyToken();
        builder.HasOne<RolloutRecord>().WithMany().HasForeignKey(i => i.RolloutId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(i => i.Updates).WithOne().HasForeignKey(u => u.IncidentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(i => i.RolloutId);
    }
}

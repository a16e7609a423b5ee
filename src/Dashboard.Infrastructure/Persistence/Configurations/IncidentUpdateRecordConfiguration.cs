using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Infrastructure.Persistence.Configurations;

internal sealed class IncidentUpdateRecordConfiguration : IEntityTypeConfiguration<IncidentUpdateRecord>
{
    public void Configure(EntityTypeBuilder<IncidentUpdateRecord> builder)
    {
        builder.ToTable("IncidentUpdates");
        builder.HasKey(u => u.Id);
        builder.Property(u => u.By).HasMaxLength(IncidentLimits.NameLength);
        builder.Property(u => u.Kind).HasMaxLength(20);
        builder.Property(u => u.Text).HasMaxLength(IncidentLimits.TextLength);
        builder.Property(u => u.Severity).HasMaxLength(20);
        builder.Property(u => u.Owner).HasMaxLength(IncidentLimits.NameLength);
        builder.HasIndex(u => new { u.IncidentId, u.At });
    }
}

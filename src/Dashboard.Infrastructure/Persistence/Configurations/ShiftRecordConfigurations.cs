using Dashboard.Infrastructure.Persistence.Shifts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Infrastructure.Persistence.Configurations;

internal sealed class RosterAssignmentRecordConfiguration : IEntityTypeConfiguration<RosterAssignmentRecord>
{
    public void Configure(EntityTypeBuilder<RosterAssignmentRecord> builder)
    {
        builder.ToTable("RosterAssignments");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Key).HasMaxLength(ShiftRecordLimits.KeyLength);
        builder.HasIndex(r => r.Key).IsUnique();
        builder.Property(r => r.Pattern).HasMaxLength(30);
        builder.Property(r => r.Day).HasMaxLength(10);
        builder.Property(r => r.ShiftId).HasMaxLength(ShiftRecordLimits.ShiftIdLength);
        builder.HasIndex(r => r.ShiftId);
        builder.Property(r => r.Primary).HasMaxLength(ShiftRecordLimits.NameLength);
        builder.Property(r => r.Secondary).HasMaxLength(ShiftRecordLimits.NameLength);
        builder.Property(r => r.Leads).HasMaxLength(ShiftRecordLimits.LeadsLength);
        builder.Property(r => r.UpdatedBy).HasMaxLength(ShiftRecordLimits.NameLength);
    }
}

internal sealed class ShiftHandoffRecordConfiguration : IEntityTypeConfiguration<ShiftHandoffRecord>
{
    public void Configure(EntityTypeBuilder<ShiftHandoffRecord> builder)
    {
        builder.ToTable("ShiftHandoffs");
        builder.HasKey(h => h.ShiftId);
        builder.Property(h => h.ShiftId).HasMaxLength(ShiftRecordLimits.ShiftIdLength);
        builder.Property(h => h.Notes).HasMaxLength(ShiftRecordLimits.TextLength);
        builder.Property(h => h.Risks).HasMaxLength(ShiftRecordLimits.TextLength);
        builder.Property(h => h.Question).HasMaxLength(ShiftRecordLimits.QuestionLength);
        builder.Property(h => h.HandedOffBy).HasMaxLength(ShiftRecordLimits.NameLength);
        builder.Property(h => h.AcknowledgedBy).HasMaxLength(ShiftRecordLimits.NameLength);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Infrastructure.Persistence.Configurations;

internal sealed class PhaseRunRecordConfiguration : IEntityTypeConfiguration<PhaseRunRecord>
{
    public void Configure(EntityTypeBuilder<PhaseRunRecord> builder)
    {
        builder.ToTable("PhaseRuns");
        builder.HasKey(p => new { p.RolloutId, p.Index });
        builder.Property(p => p.Index).ValueGeneratedNever();
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.State).HasConversion<string>().HasMaxLength(40);
    }
}

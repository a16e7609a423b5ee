using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Infrastructure.Persistence.Configurations;

internal sealed class RouterAlertRecordConfiguration : IEntityTypeConfiguration<RouterAlertRecord>
{
    public void Configure(EntityTypeBuilder<RouterAlertRecord> builder)
    {
        builder.ToTable("RouterAlerts");
        builder.HasKey(a => a.RolloutId);
        builder.Property(a => a.RolloutId).ValueGeneratedNever();
        builder.Property(a => a.Service).HasMaxLength(200);
        builder.Property(a => a.CandidateVersion).HasMaxLength(200);
        builder.Property(a => a.Problem).HasMaxLength(2000);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Infrastructure.Persistence.Configurations;

internal sealed class StoredPlanRecordConfiguration : IEntityTypeConfiguration<StoredPlanRecord>
{
    public void Configure(EntityTypeBuilder<StoredPlanRecord> builder)
    {
        builder.ToTable("StoredPlans");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).HasMaxLength(100);
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.CreatedBy).HasMaxLength(200);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Infrastructure.Persistence.Configurations;

internal sealed class RolloutRecordConfiguration : IEntityTypeConfiguration<RolloutRecord>
{
    public void Configure(EntityTypeBuilder<RolloutRecord> builder)
    {
        builder.ToTable("Rollouts");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Service).HasMaxLength(200);
        builder.Property(r => r.BaselineVersion).HasMaxLength(200);
        builder.Property(r => r.CandidateVersion).HasMaxLength(200);
        builder.Property(r => r.PlanId).HasMaxLength(100);
        builder.Property(r => r.CreatedBy).HasMaxLength(200);
        builder.Property(r => r.StartedBy).HasMaxLength(200);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(40);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasMany(r => r.Phases).WithOne().HasForeignKey(p => p.RolloutId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Phases).AutoInclude();
        builder.HasIndex(r => r.CreatedAt);
        builder.HasIndex(r => r.Status);
    }
}

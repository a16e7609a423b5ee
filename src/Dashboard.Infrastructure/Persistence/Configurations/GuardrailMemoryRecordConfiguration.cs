using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Infrastructure.Persistence.Configurations;

internal sealed class GuardrailMemoryRecordConfiguration : IEntityTypeConfiguration<GuardrailMemoryRecord>
{
    public void Configure(EntityTypeBuilder<GuardrailMemoryRecord> builder)
    {
        builder.ToTable("GuardrailMemories");
        builder.HasKey(m => m.RolloutId);
        builder.Property(m => m.RolloutId).ValueGeneratedNever();
    }
}

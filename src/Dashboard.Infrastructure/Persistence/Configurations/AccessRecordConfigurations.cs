using Dashboard.Infrastructure.Persistence.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Infrastructure.Persistence.Configurations;

internal sealed class PersonRecordConfiguration : IEntityTypeConfiguration<PersonRecord>
{
    public void Configure(EntityTypeBuilder<PersonRecord> builder)
    {
        builder.ToTable("People");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.UserName).HasMaxLength(AccessLimits.NameLength);
        builder.Property(p => p.NormalizedUserName).HasMaxLength(AccessLimits.NameLength);
        builder.HasIndex(p => p.NormalizedUserName).IsUnique();
        builder.Property(p => p.DisplayName).HasMaxLength(AccessLimits.NameLength);
        builder.Property(p => p.PasswordHash).HasMaxLength(AccessLimits.HashLength);
        builder.Property(p => p.Roles).HasMaxLength(AccessLimits.RolesLength);
        builder.Property(p => p.SecurityStamp).HasMaxLength(64);
        builder.Property(p => p.ExternalId).HasMaxLength(AccessLimits.ExternalIdLength);
        builder.HasIndex(p => p.ExternalId).IsUnique();
        builder.Property(p => p.CreatedBy).HasMaxLength(AccessLimits.NameLength);
        builder.Property(p => p.LocalTimeZone).HasMaxLength(AccessLimits.TimeZoneLength);
        builder.Property(p => p.Version).IsConcurrencyToken();
    }
}

internal sealed class ApiKeyRecordConfiguration : IEntityTypeConfiguration<ApiKeyRecord>
{
    public void Configure(EntityTypeBuilder<ApiKeyRecord> builder)
    {
        builder.ToTable("ApiKeys");
        builder.HasKey(k => k.Id);
        builder.Property(k => k.Name).HasMaxLength(AccessLimits.NameLength);
        builder.Property(k => k.Prefix).HasMaxLength(AccessLimits.PrefixLength);
        builder.HasIndex(k => k.Prefix).IsUnique();
        builder.Property(k => k.SecretHash).HasMaxLength(AccessLimits.HashLength);
        builder.Property(k => k.Roles).HasMaxLength(AccessLimits.RolesLength);
        builder.Property(k => k.CreatedBy).HasMaxLength(AccessLimits.NameLength);
        builder.Property(k => k.RevokedBy).HasMaxLength(AccessLimits.NameLength);
    }
}

internal sealed class KioskLinkRecordConfiguration : IEntityTypeConfiguration<KioskLinkRecord>
{
    public void Configure(EntityTypeBuilder<KioskLinkRecord> builder)
    {
        builder.ToTable("KioskLinks");
        builder.HasKey(k => k.Id);
        builder.Property(k => k.Name).HasMaxLength(AccessLimits.NameLength);
        builder.Property(k => k.ShortCodeHash).HasMaxLength(AccessLimits.HashLength);
        builder.HasIndex(k => k.ShortCodeHash).IsUnique();
        builder.Property(k => k.CreatedBy).HasMaxLength(AccessLimits.NameLength);
        builder.Property(k => k.RevokedBy).HasMaxLength(AccessLimits.NameLength);
    }
}

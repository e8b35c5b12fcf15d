using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InternalStore.Infrastructure.Persistence.Configurations;

internal sealed class DataProtectionConfiguration : IEntityTypeConfiguration<DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<DataProtectionKey> key)
    {
        key.ToTable("data_protection_keys");
        // A key's XML is longer than the store's default string length.
        key.Property(k => k.Xml).Metadata.SetMaxLength(null);
        key.Property(k => k.FriendlyName).Metadata.SetMaxLength(null);
    }
}

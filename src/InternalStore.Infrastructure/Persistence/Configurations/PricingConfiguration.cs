using InternalStore.Domain.People;
using InternalStore.Domain.Pricing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InternalStore.Infrastructure.Persistence.Configurations;

internal sealed class PolicyVersionConfiguration : IEntityTypeConfiguration<PolicyVersion>
{
    public void Configure(EntityTypeBuilder<PolicyVersion> policy)
    {
        policy.ToTable("policy_versions");
        policy.HasKey(p => p.Id);
        policy.Property(p => p.CompanyCode).HasMaxLength(20);
        policy.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        policy.Property(p => p.Document).HasMaxLength(1_000_000);
        policy.Property(p => p.CreatedBy).HasMaxLength(100);
        policy.HasOne<Company>().WithMany().HasForeignKey(p => p.CompanyCode).OnDelete(DeleteBehavior.Restrict);
        policy.HasIndex(p => new { p.CompanyCode, p.Version }).IsUnique();
        policy.HasIndex(p => new { p.CompanyCode, p.Status, p.EffectiveFrom });
    }
}

internal sealed class StorePromotionConfiguration : IEntityTypeConfiguration<StorePromotion>
{
    public void Configure(EntityTypeBuilder<StorePromotion> promotion)
    {
        promotion.ToTable("promotions");
        promotion.HasKey(p => p.Id);
        promotion.Property(p => p.Id).HasMaxLength(60);
        promotion.Property(p => p.Sku).HasMaxLength(40);
        promotion.Property(p => p.Category).HasMaxLength(50);
        promotion.Property(p => p.Audience).HasMaxLength(20);
        promotion.HasIndex(p => p.To);
    }
}

internal sealed class TransferPricingConfiguration : IEntityTypeConfiguration<TransferPricingSettings>
{
    public void Configure(EntityTypeBuilder<TransferPricingSettings> settings)
    {
        settings.ToTable("transfer_pricing");
        settings.HasKey(s => s.Id);
        settings.Property(s => s.Id).ValueGeneratedNever();
        settings.Property(s => s.CategoryMarkups).HasMaxLength(100_000);
    }
}

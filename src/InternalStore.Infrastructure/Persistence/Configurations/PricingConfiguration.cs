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
        promotion.Property(p => p.Company).HasMaxLength(20);
        promotion.HasOne<InternalStore.Domain.People.Company>().WithMany().HasForeignKey(p => p.Company).OnDelete(DeleteBehavior.Restrict);
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

internal sealed class PolicyAuditConfiguration : IEntityTypeConfiguration<PolicyAuditEntry>
{
    public void Configure(EntityTypeBuilder<PolicyAuditEntry> entry)
    {
        entry.ToTable("policy_audit");
        entry.HasKey(e => e.Id);
        entry.Property(e => e.By).HasMaxLength(100);
        entry.Property(e => e.Action).HasMaxLength(20);
        entry.Property(e => e.Field).HasMaxLength(300);
        entry.Property(e => e.Before).HasMaxLength(4000);
        entry.Property(e => e.After).HasMaxLength(4000);
        entry.HasOne<PolicyVersion>().WithMany().HasForeignKey(e => e.PolicyId).OnDelete(DeleteBehavior.Cascade);
        entry.HasIndex(e => new { e.PolicyId, e.Id });
    }
}

using InternalStore.Domain.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InternalStore.Infrastructure.Persistence.Configurations;

internal sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> product)
    {
        product.ToTable("products");
        product.HasKey(p => p.Sku);
        product.Property(p => p.Sku).HasMaxLength(Product.MaxSkuLength);
        product.Property(p => p.Name).HasMaxLength(Product.MaxNameLength);
        product.Property(p => p.Description).HasMaxLength(Product.MaxDescriptionLength);
        product.Property(p => p.Category).HasMaxLength(Product.MaxCategoryLength);
        product.Property(p => p.Currency).HasMaxLength(3);
        product.Property(p => p.Version).IsConcurrencyToken();
        product.Property(p => p.SupplyKindOverride).HasConversion<string>().HasMaxLength(20);
        product.Ignore(p => p.SupplyKind);
        product.HasIndex(p => p.Category);
    }
}

internal sealed class StockAdjustmentConfiguration : IEntityTypeConfiguration<StockAdjustment>
{
    public void Configure(EntityTypeBuilder<StockAdjustment> adjustment)
    {
        adjustment.ToTable("stock_adjustments");
        adjustment.HasKey(a => a.Id);
        adjustment.Property(a => a.Reason).HasMaxLength(StockAdjustment.MaxReasonLength);
        adjustment.Property(a => a.IdempotencyKey).HasMaxLength(100);
        adjustment.HasOne<Product>().WithMany().HasForeignKey(a => a.Sku).OnDelete(DeleteBehavior.Restrict);
        adjustment.HasIndex(a => new { a.AdjustedBy, a.IdempotencyKey }).IsUnique();
    }
}

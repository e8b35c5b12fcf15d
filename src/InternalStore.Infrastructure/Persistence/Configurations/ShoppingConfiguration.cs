using InternalStore.Domain.Shopping;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InternalStore.Infrastructure.Persistence.Configurations;

internal sealed class CartConfiguration : IEntityTypeConfiguration<Cart>
{
    public void Configure(EntityTypeBuilder<Cart> cart)
    {
        cart.ToTable("carts");
        cart.HasKey(c => c.Id);
        cart.Property(c => c.Owner).HasMaxLength(100);
        cart.HasIndex(c => c.Owner).IsUnique();
        cart.Property(c => c.Version).IsConcurrencyToken();
        cart.HasMany(c => c.Items).WithOne().HasForeignKey(i => i.CartId).OnDelete(DeleteBehavior.Cascade);
        cart.Navigation(c => c.Items).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class CartItemConfiguration : IEntityTypeConfiguration<CartItem>
{
    public void Configure(EntityTypeBuilder<CartItem> item)
    {
        item.ToTable("cart_items");
        item.HasKey(i => new { i.CartId, i.Sku });
        item.Property(i => i.Sku).HasMaxLength(40);
    }
}

using InternalStore.Domain.Ordering;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InternalStore.Infrastructure.Persistence.Configurations;

internal sealed class OrderConfiguration : IEntityTypeConfiguration<Order>
{
    public void Configure(EntityTypeBuilder<Order> order)
    {
        order.ToTable("orders");
        order.HasKey(o => o.Id);
        order.Property(o => o.BuyerKind).HasConversion<string>().HasMaxLength(20);
        order.Property(o => o.Status).HasConversion<string>().HasMaxLength(20);
        order.Property(o => o.BuyerId).HasMaxLength(100);
        order.Property(o => o.Company).HasMaxLength(20);
        order.Property(o => o.SellerCompany).HasMaxLength(20);
        order.Property(o => o.PaymentMethod).HasConversion<string>().HasMaxLength(20);
        order.Property(o => o.CheckoutKey).HasMaxLength(100);
        order.Property(o => o.CheckoutHash).HasMaxLength(64);
        order.Ignore(o => o.Total);
        order.Ignore(o => o.IsSettled);
        order.Ignore(o => o.Refundable);
        order.Property(o => o.CostCenter).HasMaxLength(20);
        order.Property(o => o.Currency).HasMaxLength(3);
        order.Property(o => o.IdempotencyKey).HasMaxLength(100);
        order.Property(o => o.RequestHash).HasMaxLength(64);
        order.Property(o => o.Version).IsConcurrencyToken();
        order.Ignore(o => o.HoldsReservations);
        order.HasMany(o => o.Lines).WithOne().HasForeignKey(l => l.OrderId).OnDelete(DeleteBehavior.Cascade);
        order.HasMany(o => o.History).WithOne().HasForeignKey(h => h.OrderId).OnDelete(DeleteBehavior.Cascade);
        order.Navigation(o => o.Lines).UsePropertyAccessMode(PropertyAccessMode.Field);
        order.Navigation(o => o.History).UsePropertyAccessMode(PropertyAccessMode.Field);
        order.HasIndex(o => new { o.BuyerId, o.IdempotencyKey }).IsUnique();
        order.HasIndex(o => new { o.Status, o.ExpiresAt });
        order.HasIndex(o => new { o.BuyerId, o.PlacedAt });
    }
}

internal sealed class OrderLineConfiguration : IEntityTypeConfiguration<OrderLine>
{
    public void Configure(EntityTypeBuilder<OrderLine> line)
    {
        line.ToTable("order_lines");
        line.HasKey(l => l.Id);
        line.Property(l => l.Sku).HasMaxLength(40);
        line.Property(l => l.Explanation).HasMaxLength(100_000);
        line.Ignore(l => l.RefundableQuantity);
        line.Property(l => l.SupplyKind).HasConversion<string>().HasMaxLength(20);
        line.HasIndex(l => l.Sku);
    }
}

internal sealed class OrderStatusChangeConfiguration : IEntityTypeConfiguration<OrderStatusChange>
{
    public void Configure(EntityTypeBuilder<OrderStatusChange> change)
    {
        change.ToTable("order_status_changes");
        change.HasKey(c => c.Id);
        change.Property(c => c.From).HasConversion<string>().HasMaxLength(20);
        change.Property(c => c.To).HasConversion<string>().HasMaxLength(20);
        change.Property(c => c.By).HasMaxLength(100);
    }
}

internal sealed class AllowanceLedgerConfiguration : IEntityTypeConfiguration<AllowanceLedger>
{
    public void Configure(EntityTypeBuilder<AllowanceLedger> ledger)
    {
        ledger.ToTable("allowance_ledgers");
        ledger.HasKey(l => new { l.EmployeeId, l.Year });
        ledger.Property(l => l.EmployeeId).HasMaxLength(40);
        ledger.Property(l => l.Version).IsConcurrencyToken();
        ledger.Ignore(l => l.Taken);
    }
}

using InternalStore.Domain.Catalog;
using InternalStore.Domain.Common;
using InternalStore.Domain.Ordering;

namespace InternalStore.Core.Tests;

/// <summary>The allowance ledger and a product's stock: what reserves, releases, commits and restores do.</summary>
public sealed class LedgerAndStockTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_ledger_moves_allowance_from_reserved_to_used_and_back_never_below_zero()
    {
        var ledger = new AllowanceLedger("E1001", 2026);
        ledger.Reserve(100m);
        ledger.Reserve(50m);
        Assert.Equal(150m, ledger.Taken);
        ledger.Commit(100m); // paid
        ledger.Release(50m); // cancelled
        Assert.Equal((100m, 0m), (ledger.Used, ledger.Reserved));
        Assert.Throws<InvalidOperationException>(() => ledger.Release(0.01m));
        ledger.Restore(30m); // refunded in part
        ledger.Restore(500m); // never below zero
        Assert.Equal(0m, ledger.Used);
        ledger.Use(20m); // a payment after expiry
        Assert.Equal(20m, ledger.Taken);
        Assert.Throws<ArgumentOutOfRangeException>(() => ledger.Reserve(-1m));
    }

    [Fact]
    public void Stock_is_reserved_released_and_adjusted_but_never_below_zero()
    {
        var product = Product.Create("TSH-01", new ProductDetails("T-shirt", null, "apparel", 24.99m, 8m, "USD", true, true), 3, Now);
        product.Reserve(2, Now);
        Assert.Equal("insufficient-stock", Assert.Throws<ConflictException>(() => product.Reserve(2, Now)).Code);
        product.Release(2, Now);
        Assert.Equal(3, product.StockOnHand);
        Assert.Equal("insufficient-stock", Assert.Throws<ConflictException>(() => product.AdjustStock(-4, "count", "C9001", Now)).Code);
        var adjustment = product.AdjustStock(2, "returned to the warehouse", "C9001", Now);
        Assert.Equal((2, 5), (adjustment.Delta, adjustment.StockAfter));
        Assert.Throws<ArgumentOutOfRangeException>(() => product.AdjustStock(0, "nothing", "C9001", Now));

        product.Update(product.Details with { Active = false }, Now);
        Assert.Equal("invalid-state", Assert.Throws<ConflictException>(() => product.Reserve(1, Now)).Code);
        Assert.Equal("invalid-state", Assert.Throws<ConflictException>(() => product.Update(product.Details with { Currency = "EUR" }, Now)).Code);
    }

    [Fact]
    public void A_create_sent_again_is_the_same_product_only_when_every_detail_is()
    {
        var details = new ProductDetails("DSL 100", null, "services", 39.00m, 12m, "USD", true, true, Domain.Benefits.SupplyKind.Service);
        var product = Product.Create("DSL-100", details, 0, Now);
        Assert.True(product.Has(details));
        Assert.True(product.Has(details with { ListPrice = 39m })); // 39.00 is 39
        Assert.False(product.Has(details with { SupplyKind = Domain.Benefits.SupplyKind.Goods }));
        Assert.False(product.Has(details with { Description = "other" }));
    }
}

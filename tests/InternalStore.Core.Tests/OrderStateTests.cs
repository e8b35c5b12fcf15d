using InternalStore.Domain.Catalog;
using InternalStore.Domain.Common;
using InternalStore.Domain.Ordering;

namespace InternalStore.Core.Tests;

/// <summary>The order's state machine: what each status allows, and that every move is in the history.</summary>
public sealed class OrderStateTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    private static Order Placed(BuyerKind kind = BuyerKind.Employee, decimal lineTotal = 40m) => Order.Place(new OrderPlacement(
        kind, "E1001", "ABC", "ABC", kind == BuyerKind.Department ? "CC-1200" : null, "USD",
        [new OrderLine("TSH-01", "T-shirt", 2, 24.99m, lineTotal / 2, lineTotal, 49.98m - lineTotal, 9.98m, "[]", 8m)],
        new Dictionary<string, Product> { ["TSH-01"] = TShirts(10) }, new AllowanceLedger("E1001", 2026), Now,
        TimeSpan.FromMinutes(30), "key-1", "hash-1"));

    private static Product TShirts(int stock) =>
        Product.Create("TSH-01", new ProductDetails("T-shirt", null, "apparel", 24.99m, 8m, "USD", true, true), stock, Now);

    [Fact]
    public void Placing_takes_the_stock_and_allowance_or_nothing()
    {
        var shirts = TShirts(3);
        var ledger = new AllowanceLedger("E1001", 2026);
        OrderPlacement Placement(int quantity) => new(BuyerKind.Employee, "E1001", "ABC", "ABC", null, "USD",
            [new OrderLine("TSH-01", "T-shirt", quantity, 24.99m, 20m, 20m * quantity, 4.99m * quantity, 4.99m * quantity, "[]", 8m)],
            new Dictionary<string, Product> { ["TSH-01"] = shirts }, ledger, Now, TimeSpan.FromMinutes(30), "k", "h");

        var order = Order.Place(Placement(2));
        Assert.Equal(1, shirts.StockOnHand);
        Assert.Equal(9.98m, ledger.Reserved);
        Assert.Equal(9.98m, order.AllowanceReserved);
        Assert.Throws<ConflictException>(() => Order.Place(Placement(2))); // one left
        Assert.Equal(1, shirts.StockOnHand);
        Assert.Equal(9.98m, ledger.Reserved);
        var noMugs = Product.Create("MUG-01", new ProductDetails("Mug", null, "office", 9.99m, 3m, "USD", true, true), 0, Now);
        var twoProducts = Placement(1) with
        {
            Lines = [.. Placement(1).Lines, new OrderLine("MUG-01", "Mug", 1, 9.99m, 9.99m, 9.99m, 0m, 0m, "[]", 3m)],
            Products = new Dictionary<string, Product> { ["TSH-01"] = shirts, ["MUG-01"] = noMugs },
        };
        Assert.Equal("insufficient-stock", Assert.Throws<ConflictException>(() => Order.Place(twoProducts)).Code);
        Assert.Equal(1, shirts.StockOnHand); // the first product untouched when the second refuses
        Assert.Throws<ArgumentException>(() => Order.Place(Placement(1) with { Ledger = null }));
        Assert.Throws<ArgumentException>(() => Order.Place(Placement(1) with { Products = new Dictionary<string, Product>() }));
    }

    [Fact]
    public void A_placed_order_awaits_payment_holds_its_reservations_and_expires_only_when_due()
    {
        var order = Placed();
        Assert.Equal(OrderStatus.AwaitingPayment, order.Status);
        Assert.True(order.HoldsReservations);
        Assert.False(order.ExpireIfDue(Now.AddMinutes(29)));
        Assert.True(order.ExpireIfDue(Now.AddMinutes(30)));
        Assert.Equal(OrderStatus.Expired, order.Status);
        Assert.False(order.ExpireIfDue(Now.AddMinutes(31))); // once
        Assert.Equal(["placed", "payment hold ran out"], order.History.Select(h => h.Reason));
    }

    [Fact]
    public void Cancel_once_before_payment_never_after()
    {
        var order = Placed();
        order.Cancel("E1001", Now);
        Assert.Equal("invalid-state", Assert.Throws<ConflictException>(() => order.Cancel("E1001", Now)).Code);

        var paid = Placed();
        paid.ChooseMethod(PaymentMethod.Payroll, false, "checkout-1", "h");
        paid.MarkPaid("E1001", Now, "payroll");
        Assert.Throws<ConflictException>(() => paid.Cancel("E1001", Now));
        Assert.Throws<ConflictException>(() => paid.MarkPaid("E1001", Now, "again"));
    }

    [Fact]
    public void An_invoiced_order_holds_its_goods_neither_expiring_nor_cancelled()
    {
        var order = Placed(BuyerKind.Affiliate);
        order.ChooseMethod(PaymentMethod.Invoice, holdsGoodsUntilSettled: true, "k", "h");
        order.AwaitSettlement("invoiced as ABC-2026-00001", "A3001", Now);
        Assert.False(order.ExpireIfDue(Now.AddDays(1)));
        Assert.Throws<ConflictException>(() => order.Cancel("A3001", Now));
        order.MarkPaid("F9001", Now, "invoice settled");
        Assert.Equal(OrderStatus.Paid, order.Status);
    }

    [Fact]
    public void Refunds_never_exceed_what_was_paid_and_end_in_refunded()
    {
        var order = Placed(lineTotal: 40m);
        Assert.Throws<ConflictException>(() => order.RecordRefund(1m, "F9001", Now, "unpaid")); // an unpaid order is cancelled
        order.ChooseMethod(PaymentMethod.Payroll, false, "k", "h");
        order.MarkPaid("E1001", Now, "payroll");
        order.RecordRefund(15m, "F9001", Now, "one broken");
        Assert.Equal(OrderStatus.PartiallyRefunded, order.Status);
        Assert.Equal(25m, order.Refundable);
        Assert.Throws<ConflictException>(() => order.RecordRefund(25.01m, "F9001", Now, "too much"));
        order.RecordRefund(25m, "F9001", Now, "the rest");
        Assert.Equal(OrderStatus.Refunded, order.Status);
        Assert.Throws<ConflictException>(() => order.RecordRefund(0.01m, "F9001", Now, "again"));
        Assert.Throws<ConflictException>(() => order.Fulfil("C9001", Now));
    }

    [Fact]
    public void Only_a_paid_order_is_fulfilled_and_a_late_payment_reinstates_only_an_expired_one()
    {
        var order = Placed();
        Assert.Throws<ConflictException>(() => order.Fulfil("C9001", Now));
        Assert.Throws<ConflictException>(() => order.MarkPaidAfterExpiry("stripe", Now, "late"));
        order.ExpireIfDue(Now.AddHours(1));
        order.MarkPaidAfterExpiry("stripe", Now.AddHours(1), "late card payment");
        order.Fulfil("C9001", Now.AddHours(2));
        Assert.Equal(OrderStatus.Fulfilled, order.Status);
        Assert.Equal([null, OrderStatus.AwaitingPayment, OrderStatus.Expired, OrderStatus.Paid], order.History.Select(h => h.From));
    }
}

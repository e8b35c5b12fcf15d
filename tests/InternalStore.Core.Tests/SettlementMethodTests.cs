using InternalStore.Application.Checkout;
using InternalStore.Application.Checkout.Methods;
using InternalStore.Application.Common;
using InternalStore.Application.Orders;
using InternalStore.Application.Pricing;
using InternalStore.Domain.Catalog;
using InternalStore.Domain.Common;
using InternalStore.Domain.Ordering;
using Microsoft.Extensions.DependencyInjection;

namespace InternalStore.Core.Tests;

/// <summary>
/// Settlement methods as plug-ins: each buyer pays only its own ways, and a method added in a test
/// (one class, one registration) checks out, replays, pays through the one "order paid" path and
/// takes refunds back, without a change anywhere else.
/// </summary>
public sealed class SettlementMethodTests(StoreCreditStore store) : IClassFixture<StoreCreditStore>
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    private static Caller Person(string subject, string role, string? company, string? costCenter = null) =>
        new(subject, new HashSet<string> { role }, company, costCenter);

    [Theory]
    [InlineData(BuyerKind.Employee, PaymentMethod.Card, true)]
    [InlineData(BuyerKind.Employee, PaymentMethod.Payroll, true)]
    [InlineData(BuyerKind.Employee, PaymentMethod.Chargeback, false)]
    [InlineData(BuyerKind.Department, PaymentMethod.Chargeback, true)]
    [InlineData(BuyerKind.Department, PaymentMethod.Card, false)]
    [InlineData(BuyerKind.Affiliate, PaymentMethod.Invoice, true)]
    [InlineData(BuyerKind.Affiliate, PaymentMethod.Payroll, false)]
    public async Task Each_kind_of_buyer_pays_only_its_own_ways(BuyerKind kind, PaymentMethod method, bool fits)
    {
        await using var scope = store.Services.CreateAsyncScope();
        var methods = scope.ServiceProvider.GetRequiredService<SettlementMethods>();
        var shirts = Product.Create("TSH-01", new ProductDetails("T-shirt", null, "apparel", 24.99m, 8m, "USD", true, true), 5, Now);
        var order = Order.Place(new OrderPlacement(kind, "E1001", "ABC", "ABC", kind == BuyerKind.Department ? "CC-1200" : null,
            "USD", [new OrderLine("TSH-01", "T-shirt", 2, 24.99m, 20m, 40m, 9.98m, 9.98m, "[]", 8m)],
            new Dictionary<string, Product> { ["TSH-01"] = shirts }, new AllowanceLedger("E1001", 2026), Now,
            TimeSpan.FromMinutes(30), "key-1", "hash-1"));
        if (fits)
            methods.Choose(order, methods.Of(method), "k", "h");
        else
            Assert.Equal("payment-method-unavailable",
                Assert.Throws<ConflictException>(() => methods.Choose(order, methods.Of(method), "k", "h")).Code);
    }

    [Fact]
    public async Task A_method_added_in_one_class_checks_out_replays_and_refunds()
    {
        var employee = Person("E1002", Roles.Employee, "ABC");
        var allowanceBefore = await store.SendAsync(new GetMyAllowanceQuery(employee));
        var placed = await store.SendAsync(new PlaceOrderCommand(employee, Guid.NewGuid().ToString(), [new("TSH-01", 1)], null));
        var key = Guid.NewGuid().ToString();

        var paid = await store.SendAsync(new CheckoutOrderCommand(employee, placed.Order.Id, key, "store-credit", null, null));
        var replay = await store.SendAsync(new CheckoutOrderCommand(employee, placed.Order.Id, key, "store-credit", null, null));

        Assert.Equal("store-credit", paid.Method);
        Assert.Equal("paid", paid.Order.Status);
        var receipt = Assert.IsType<StoreCreditReceipt>(paid.Details);
        Assert.Equal(500m - placed.Order.Subtotal, receipt.BalanceLeft);
        Assert.Equal(receipt, replay.Details); // charged once
        var allowance = await store.SendAsync(new GetMyAllowanceQuery(employee));
        Assert.Equal(allowanceBefore.Used + placed.Order.AllowanceReserved, allowance.Used); // the one "order paid" path
        Assert.Equal(allowanceBefore.Reserved, allowance.Reserved);

        var refund = await store.SendAsync(new RequestRefundCommand(Person("F9001", Roles.Finance, "ABC"), placed.Order.Id,
            Guid.NewGuid().ToString(), null, "changed my mind", false));
        Assert.Equal("succeeded", refund.Refund.Status);
        Assert.Equal(placed.Order.Subtotal, refund.Refund.Amount);
        await using var scope = store.Services.CreateAsyncScope();
        Assert.Equal(500m, scope.ServiceProvider.GetRequiredService<StoreCreditAccounts>().Balance("E1002"));
    }

    [Fact]
    public async Task A_buyer_it_does_not_fit_is_told_its_own_ways_and_nothing_is_kept()
    {
        var department = Person("D1200", Roles.DepartmentBuyer, "ABC", "CC-1200");
        var placed = await store.SendAsync(new PlaceOrderCommand(department, Guid.NewGuid().ToString(), [new("TSH-01", 1)], null));

        var refused = await Assert.ThrowsAsync<ConflictException>(() => store.SendAsync(
            new CheckoutOrderCommand(department, placed.Order.Id, Guid.NewGuid().ToString(), "store-credit", null, null)));
        Assert.Equal("payment-method-unavailable", refused.Code);
        Assert.Contains("internal chargeback", refused.Message);

        var charged = await store.SendAsync(new CheckoutOrderCommand(department, placed.Order.Id, Guid.NewGuid().ToString(),
            "chargeback", null, null));
        Assert.Equal("paid", charged.Order.Status);
        Assert.IsType<JournalEntryDto>(charged.Details);
    }

    [Fact]
    public async Task An_unknown_method_names_the_field_and_lists_the_registered_ones()
    {
        var employee = Person("E1001", Roles.Employee, "ABC");
        var placed = await store.SendAsync(new PlaceOrderCommand(employee, Guid.NewGuid().ToString(), [new("TSH-01", 1)], null));

        var refused = await Assert.ThrowsAsync<FluentValidation.ValidationException>(() => store.SendAsync(
            new CheckoutOrderCommand(employee, placed.Order.Id, Guid.NewGuid().ToString(), "cash", null, null)));
        var error = Assert.Single(refused.Errors);
        Assert.Equal("Method", error.PropertyName);
        Assert.Contains("store-credit", error.ErrorMessage);
    }
}

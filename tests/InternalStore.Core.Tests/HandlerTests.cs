using InternalStore.Application.Authority;
using InternalStore.Application.Catalog;
using InternalStore.Application.Common;
using InternalStore.Application.Finance;
using InternalStore.Application.Orders;
using InternalStore.Application.Pricing;

namespace InternalStore.Core.Tests;

/// <summary>
/// Handlers through <c>ISender</c>, without HTTP: the organisation authority holds for every sender
/// (the CLI and the workers send the same messages), and an order reserves what it takes.
/// </summary>
public sealed class HandlerTests(CoreStore store) : IClassFixture<CoreStore>
{
    private static Caller Person(string subject, string role, string? company, string? costCenter = null, string? affiliate = null) =>
        new(subject, new HashSet<string> { role }, company, costCenter, affiliate);

    private static readonly QuoteLineRequest[] OneLaptop = [new("LAP-13", 1)];

    [Theory]
    [InlineData("department-buyer", "ABC", "CC-2000", null, "cost_center")]
    [InlineData("department-buyer", "ABC", null, null, "cost_center")]
    [InlineData("affiliate-buyer", "ABC", null, "NOPE", "affiliate")]
    [InlineData("affiliate-buyer", "JKL", null, "JKL", "affiliate")]
    [InlineData("employee", "XYZ", null, null, "company")] // E1001 is ABC's
    public async Task A_claim_the_organisation_does_not_confirm_is_refused_before_any_handler_runs(string role, string? company,
        string? costCenter, string? affiliate, string claim)
    {
        var caller = Person("E1001", role, company, costCenter, affiliate);

        var refused = await Assert.ThrowsAsync<UnknownOrganisationException>(() => store.SendAsync(new QuoteCartQuery(caller, OneLaptop)));
        Assert.Equal(claim, refused.Claim);
        var stock = (await store.SendAsync(new GetProductQuery(Person("C9001", Roles.Catalog, "ABC"), "LAP-13"))).StockOnHand;
        await Assert.ThrowsAsync<UnknownOrganisationException>(() =>
            store.SendAsync(new PlaceOrderCommand(caller, Guid.NewGuid().ToString(), OneLaptop, null)));
        Assert.Equal(stock, (await store.SendAsync(new GetProductQuery(Person("C9001", Roles.Catalog, "ABC"), "LAP-13"))).StockOnHand);
    }

    [Fact]
    public async Task The_operator_sees_every_company_and_a_subsidiary_only_its_own()
    {
        var xyz = await store.SendAsync(new GetChargebackStatementQuery(Person("F2001", Roles.Finance, "XYZ"), "2026-11"));
        var all = await store.SendAsync(new GetChargebackStatementQuery(Caller.System, "2026-11"));
        Assert.All(xyz.CostCenters, c => Assert.Equal("XYZ", c.Company));
        Assert.True(all.CostCenters.Count >= xyz.CostCenters.Count);
        await Assert.ThrowsAsync<UnknownOrganisationException>(() =>
            store.SendAsync(new GetChargebackStatementQuery(Person("F9", Roles.Finance, "NOPE"), "2026-11")));
    }

    [Fact]
    public async Task An_order_takes_its_stock_and_allowance_at_once_and_a_replay_takes_nothing_more()
    {
        var catalog = Person("C9001", Roles.Catalog, "ABC");
        var employee = Person("E1002", Roles.Employee, "ABC");
        var before = (await store.SendAsync(new GetProductQuery(catalog, "TSH-01"))).StockOnHand;
        var allowanceBefore = await store.SendAsync(new GetMyAllowanceQuery(employee));
        var key = Guid.NewGuid().ToString();

        var placed = await store.SendAsync(new PlaceOrderCommand(employee, key, [new("TSH-01", 2)], null));
        var again = await store.SendAsync(new PlaceOrderCommand(employee, key, [new("TSH-01", 2)], null));

        Assert.True(placed.Created);
        Assert.False(again.Created);
        Assert.Equal(placed.Order.Id, again.Order.Id);
        Assert.Equal(before - 2, (await store.SendAsync(new GetProductQuery(catalog, "TSH-01"))).StockOnHand);
        var allowance = await store.SendAsync(new GetMyAllowanceQuery(employee));
        Assert.Equal(allowanceBefore.Reserved + placed.Order.AllowanceReserved, allowance.Reserved);
        Assert.True(placed.Order.AllowanceReserved > 0m);
        var other = await Assert.ThrowsAsync<IdempotencyKeyReusedException>(() =>
            store.SendAsync(new PlaceOrderCommand(employee, key, [new("TSH-01", 3)], null)));
        Assert.Equal(key, other.Key);
    }
}

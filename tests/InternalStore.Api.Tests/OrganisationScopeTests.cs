using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InternalStore.Api.Tests.Checkout;
using InternalStore.Api.Tests.Infrastructure;

namespace InternalStore.Api.Tests;

/// <summary>
/// HR and finance act on their own company and the companies below it; claims the organisation does
/// not confirm are never priced, charged or listed; goods come back to stock at the warehouse's word.
/// </summary>
public abstract class OrganisationScopeTests(StoreFactory store)
{
    private static readonly Identity XyzHr = new("H2001", ["hr"], "XYZ");
    private static readonly Identity XyzFinance = new("F2001", ["finance"], "XYZ");
    private readonly CheckoutScenario _given = new(store);

    private async Task<decimal> UnitPriceAsync(Identity buyer, string sku)
    {
        var quote = await (await store.ClientFor(buyer).PostJsonAsync("/api/quotes", new { lines = new[] { new { sku, quantity = 1 } } }))
            .AssertJsonAsync(HttpStatusCode.OK);
        return quote.GetProperty("lines")[0].GetProperty("unitPrice").GetDecimal();
    }

    private static object StaffPromotion(string id, string sku) => new
    {
        id, sku, percent = 50m, audience = "employee",
        from = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        to = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    [Fact]
    public async Task A_staff_promotion_of_a_subsidiary_s_hr_prices_only_that_subsidiary_s_employees()
    {
        var sku = await _given.NewProductAsync(listPrice: 40m, unitCost: 10m);
        var (abcBefore, xyzBefore) = (await UnitPriceAsync(Identity.Employee, sku), await UnitPriceAsync(Identity.OtherCompanyEmployee, sku));
        var id = "xyz-staff-" + sku.ToLowerInvariant();

        var created = await (await store.ClientFor(XyzHr).PostJsonAsync("/api/promotions", StaffPromotion(id, sku)))
            .AssertJsonAsync(HttpStatusCode.Created);

        Assert.Equal("XYZ", created.GetProperty("company").GetString());
        Assert.Equal(abcBefore, await UnitPriceAsync(Identity.Employee, sku)); // ABC's employees: unchanged
        Assert.True(await UnitPriceAsync(Identity.OtherCompanyEmployee, sku) < xyzBefore, "XYZ's employees get their HR's promotion");
        // ABC's HR neither sees nor changes it; the group's HR sees it.
        var abcList = await (await store.ClientFor(Identity.Hr).GetAsync("/api/promotions")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.DoesNotContain(abcList.EnumerateArray(), p => p.GetProperty("id").GetString() == id);
        await (await store.ClientFor(Identity.Hr).PutAsJsonAsync($"/api/promotions/{id}", StaffPromotion(id, sku)))
            .AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        var groupList = await (await store.ClientFor(Identity.GroupHr).GetAsync("/api/promotions")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Contains(groupList.EnumerateArray(), p => p.GetProperty("id").GetString() == id);
        // The group's staff promotion (staff-coffee) is the parent's: a subsidiary's HR sees it (it prices
        // its employees) but cannot end it for everyone.
        var xyzList = await (await store.ClientFor(XyzHr).GetAsync("/api/promotions")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Contains(xyzList.EnumerateArray(), p => p.GetProperty("id").GetString() == "staff-coffee");
        await (await store.ClientFor(XyzHr).PutAsJsonAsync("/api/promotions/staff-coffee", StaffPromotion("staff-coffee", "COF-1K")))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Finance_of_a_subsidiary_sees_none_of_another_company_s_payroll_benefits_or_settings()
    {
        var sku = await _given.NewProductAsync(listPrice: 60m, unitCost: 20m);
        var order = await _given.PlaceAsync(Identity.Employee, (sku, 1));
        var checkout = await (await _given.CheckoutAsync(Identity.Employee, order.Id(), new { method = "payroll", installments = 1 }))
            .AssertJsonAsync(HttpStatusCode.OK);
        var period = checkout.GetProperty("details").GetProperty("deductions")[0].GetProperty("period").GetString();

        async Task<List<string>> PayrollIdsAsync(Identity finance) =>
            [.. (await (await store.ClientFor(finance).GetAsync($"/api/finance/payroll-deductions?period={period}")).AssertJsonAsync(HttpStatusCode.OK))
                .GetProperty("deductions").EnumerateArray().Select(d => d.GetProperty("employeeId").GetString()!)];
        Assert.Contains("E1001", await PayrollIdsAsync(Identity.Finance));
        Assert.Contains("E1001", await PayrollIdsAsync(Identity.GroupFinance));
        Assert.DoesNotContain("E1001", await PayrollIdsAsync(XyzFinance));
        var csv = await (await store.ClientFor(XyzFinance).SendAsync(new HttpRequestMessage(HttpMethod.Get,
            $"/api/finance/payroll-deductions?period={period}") { Headers = { { "Accept", "text/csv" } } })).Content.ReadAsStringAsync();
        Assert.DoesNotContain("E1001", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("Alice", csv, StringComparison.Ordinal);

        var payDate = new Domain.Settlement.PayrollCalendar(2).PayDateOnOrAfter(DateOnly.FromDateTime(DateTime.UtcNow)) // paid at checkout
            .ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        async Task<List<string>> BenefitIdsAsync(Identity finance) =>
            [.. (await (await store.ClientFor(finance).GetAsync($"/api/finance/taxable-benefits?period={payDate}")).AssertJsonAsync(HttpStatusCode.OK))
                .GetProperty("employees").EnumerateArray().Select(d => d.GetProperty("employeeId").GetString()!)];
        Assert.Contains("E1001", await BenefitIdsAsync(Identity.Finance));
        Assert.DoesNotContain("E1001", await BenefitIdsAsync(XyzFinance));

        var year = DateTime.UtcNow.Year;
        var rates = await (await store.ClientFor(XyzFinance).GetAsync($"/api/finance/gross-profit?year={year}")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.All(rates.GetProperty("rates").EnumerateArray(), r => Assert.Equal("XYZ", r.GetProperty("company").GetString()));
        await (await store.ClientFor(XyzFinance).PutAsync("/api/finance/gross-profit", JsonContent.Create(
                new { company = "ABC", lineOfBusiness = "goods", year, percent = 1m, reason = "not mine" })))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        var abcRates = await (await store.ClientFor(Identity.Finance).GetAsync($"/api/finance/gross-profit?year={year}")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.DoesNotContain(abcRates.GetProperty("history").EnumerateArray(), h => h.GetProperty("reason").GetString() == "not mine");

        // The order itself: ABC's finance and HR see it, XYZ's do not.
        await (await store.ClientFor(XyzFinance).GetAsync($"/api/orders/{order.Id()}")).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await store.ClientFor(XyzHr).GetAsync($"/api/orders/{order.Id()}")).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await store.ClientFor(Identity.Hr).GetAsync($"/api/orders/{order.Id()}")).AssertJsonAsync(HttpStatusCode.OK);
        var xyzOrders = await (await store.ClientFor(XyzHr).GetAsync("/api/orders?pageSize=100")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.DoesNotContain(xyzOrders.GetProperty("items").EnumerateArray(), o => o.GetProperty("id").GetGuid() == order.Id());
    }

    [Fact]
    public async Task A_department_buyer_naming_another_company_s_cost_centre_is_not_priced_charged_or_listed()
    {
        var sku = await _given.NewProductAsync(stock: 5);
        var impostor = new Identity("D9999", ["department-buyer"], "ABC", "CC-2000");
        var quote = await store.ClientFor(impostor).PostJsonAsync("/api/quotes", new { lines = new[] { new { sku, quantity = 1 } } });
        var problem = await quote.AssertProblemAsync(HttpStatusCode.Forbidden, "unknown-organisation");
        Assert.Equal("cost_center", problem.GetProperty("claim").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("cost_center", out _));

        var order = await store.ClientFor(impostor).SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/orders")
        {
            Headers = { { "Idempotency-Key", Guid.NewGuid().ToString() } },
            Content = JsonContent.Create(new { lines = new[] { new { sku, quantity = 1 } } }),
        });
        await order.AssertProblemAsync(HttpStatusCode.Forbidden, "unknown-organisation");
        Assert.Equal(5, await _given.StockAsync(sku));
        var listed = await (await store.ClientFor(Identity.GroupFinance).GetAsync("/api/orders?buyer=D9999")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(0, listed.GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task A_buyer_s_refund_does_not_restock_the_shelf_finance_s_does()
    {
        var sku = await _given.NewProductAsync(stock: 10);
        var order = await _given.PlaceAsync(Identity.DepartmentBuyer, (sku, 2));
        await (await _given.CheckoutAsync(Identity.DepartmentBuyer, order.Id(), new { method = "chargeback" })).AssertJsonAsync(HttpStatusCode.OK);

        await (await _given.RefundAsync(Identity.DepartmentBuyer, order.Id(), new { reason = "changed my mind", returnToStock = true }))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(8, await _given.StockAsync(sku));
        Assert.Equal("paid", (await _given.OrderAsync(order.Id())).Status());

        await (await _given.RefundAsync(Identity.DepartmentBuyer, order.Id(),
            new { lines = new[] { new { sku, quantity = 1 } }, reason = "one too many" })).AssertJsonAsync(HttpStatusCode.Created);
        Assert.Equal(8, await _given.StockAsync(sku));
        await (await _given.RefundAsync(Identity.Finance, order.Id(), new { reason = "came back to the warehouse", returnToStock = true }))
            .AssertJsonAsync(HttpStatusCode.Created);
        Assert.Equal(9, await _given.StockAsync(sku));
    }
}

public sealed class OrganisationScopeTestsOnSqlite(SqliteUsBenefitsStoreFactory store)
    : OrganisationScopeTests(store), IClassFixture<SqliteUsBenefitsStoreFactory>;

public sealed class OrganisationScopeTestsOnPostgres(PostgresUsBenefitsStoreFactory store)
    : OrganisationScopeTests(store), IClassFixture<PostgresUsBenefitsStoreFactory>;

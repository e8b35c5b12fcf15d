using System.Globalization;
using System.Net;
using System.Text.Json;
using InternalStore.Api.Tests.Infrastructure;

namespace InternalStore.Api.Tests.Checkout;

/// <summary>Taxable benefits under the US rule: booked when employee orders are paid, reversed by refunds, reported per pay period.</summary>
public abstract class BenefitApiTests(StoreFactory store)
{
    private readonly CheckoutScenario _given = new(store);
    private static readonly int Year = DateTime.UtcNow.Year;

    private async Task<JsonElement> PaidAsync(Identity employee, string sku, int quantity)
    {
        var order = await _given.PlaceAsync(employee, (sku, quantity));
        await (await _given.CheckoutAsync(employee, order.Id(), new { method = "payroll", installments = 6 })).AssertJsonAsync(HttpStatusCode.OK);
        return await _given.OrderAsync(order.Id());
    }

    private static string PayDate(DateTime today) => (today.Day <= 15
        ? new DateTime(today.Year, today.Month, 15)
        : new DateTime(today.Year, today.Month, DateTime.DaysInMonth(today.Year, today.Month))).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<JsonElement?> RowAsync(string employee)
    {
        var report = await (await store.ClientFor(Identity.GroupFinance).GetAsync($"/api/finance/taxable-benefits?period={PayDate(DateTime.UtcNow)}"))
            .AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("us-qualified-employee-discount", report.GetProperty("rule").GetString());
        var rows = report.GetProperty("employees").EnumerateArray().ToList();
        Assert.Equal(rows.Sum(r => r.GetProperty("taxableExcess").GetDecimal()), report.GetProperty("taxableExcess").GetDecimal());
        return rows.Cast<JsonElement?>().FirstOrDefault(r => r!.Value.GetProperty("employeeId").GetString() == employee);
    }

    private static decimal Excess(JsonElement line, decimal limitPercent)
    {
        var quantity = line.GetProperty("quantity").GetInt32();
        var external = line.GetProperty("externalUnitPrice").GetDecimal();
        var discount = Math.Round((external - line.GetProperty("unitPrice").GetDecimal()) * quantity, 2, MidpointRounding.AwayFromZero);
        var limit = Math.Round(external * quantity * limitPercent / 100m, 2, MidpointRounding.AwayFromZero);
        return Math.Max(0m, discount - limit);
    }

    [Fact]
    public async Task Finance_sets_the_gross_profit_percentage_audited_and_it_bounds_the_tax_free_part_of_goods()
    {
        var finance = store.ClientFor(Identity.Finance);
        await (await finance.PutAsync("/api/finance/gross-profit", System.Net.Http.Json.JsonContent.Create(
            new { company = "ABC", lineOfBusiness = "goods", year = Year, percent = 101, reason = "typo" })))
            .AssertValidationErrorAsync("percent");
        await (await finance.PutAsync("/api/finance/gross-profit", System.Net.Http.Json.JsonContent.Create(
            new { company = "ABC", lineOfBusiness = "goods", year = Year, percent = 2.5m, reason = "audited accounts" })))
            .AssertJsonAsync(HttpStatusCode.OK);
        var rates = await (await finance.GetAsync($"/api/finance/gross-profit?year={Year}")).AssertJsonAsync(HttpStatusCode.OK);
        var abcGoods = rates.GetProperty("rates").EnumerateArray()
            .Single(r => r.GetProperty("company").GetString() == "ABC" && r.GetProperty("lineOfBusiness").GetString() == "goods");
        Assert.Equal(2.5m, abcGoods.GetProperty("percent").GetDecimal());
        Assert.Equal("finance", abcGoods.GetProperty("source").GetString());
        Assert.Contains(rates.GetProperty("history").EnumerateArray(), h => h.GetProperty("setBy").GetString() == "F9001"
                                                                            && h.GetProperty("reason").GetString() == "audited accounts");
        var before = (await RowAsync("E1002"))?.GetProperty("taxableExcess").GetDecimal() ?? 0m;

        var sku = await _given.NewProductAsync(listPrice: 100m, unitCost: 60m);
        var order = await PaidAsync(new Identity("E1002", [Application.Common.Roles.Employee]), sku, 2);

        var line = order.GetProperty("lines")[0];
        var expected = Excess(line, 2.5m);
        Assert.True(expected > 0, "a 2.5 % gross profit leaves most of the discount taxable");
        var row = await RowAsync("E1002");
        Assert.Equal(before + expected, row!.Value.GetProperty("taxableExcess").GetDecimal());
        Assert.Contains(row.Value.GetProperty("orders").EnumerateArray(), o => o.GetGuid() == order.Id());
    }

    [Fact]
    public async Task A_service_is_taxable_above_20_percent_for_its_own_line_and_entirely_for_another_line_and_a_refund_reverses_it()
    {
        var sku = await _given.NewProductAsync(listPrice: 200m, unitCost: 50m);
        await (await store.ClientFor(Identity.Catalog).PutAsync($"/api/products/{sku}", System.Net.Http.Json.JsonContent.Create(new
        {
            name = "Benefit test service", category = "office", listPrice = 200m, unitCost = 50m, supplyKind = "service",
        }))).AssertJsonAsync(HttpStatusCode.OK);
        var xyz = Identity.OtherCompanyEmployee; // XYZ sells services
        var abc = new Identity("E1003", [Application.Common.Roles.Employee]); // probation: priced as external, no benefit
        var abcSenior = new Identity("E1002", [Application.Common.Roles.Employee]); // ABC sells goods
        var xyzBefore = (await RowAsync(xyz.Subject))?.GetProperty("taxableExcess").GetDecimal() ?? 0m;
        var abcBefore = (await RowAsync(abcSenior.Subject))?.GetProperty("taxableExcess").GetDecimal() ?? 0m;

        var own = await PaidAsync(xyz, sku, 1);
        var other = await PaidAsync(abcSenior, sku, 2);
        var none = await PaidAsync(abc, sku, 1);

        var ownExcess = Excess(own.GetProperty("lines")[0], 20m);
        var otherExcess = Excess(other.GetProperty("lines")[0], 0m);
        Assert.Equal(xyzBefore + ownExcess, (await RowAsync(xyz.Subject))!.Value.GetProperty("taxableExcess").GetDecimal());
        Assert.Equal(abcBefore + otherExcess, (await RowAsync(abcSenior.Subject))!.Value.GetProperty("taxableExcess").GetDecimal());
        Assert.True(otherExcess > 0);
        Assert.Equal(none.GetProperty("lines")[0].GetProperty("externalUnitPrice").GetDecimal(),
            none.GetProperty("lines")[0].GetProperty("unitPrice").GetDecimal());

        // One unit back, then the other: the line's excess is reversed in full, to the cent.
        await (await _given.RefundAsync(Identity.Finance, other.Id(), new { lines = new[] { new { sku, quantity = 1 } }, reason = "one back" }))
            .AssertJsonAsync(HttpStatusCode.Created);
        await (await _given.RefundAsync(Identity.Finance, other.Id(), new { reason = "the rest" })).AssertJsonAsync(HttpStatusCode.Created);
        Assert.Equal(abcBefore, (await RowAsync(abcSenior.Subject))!.Value.GetProperty("taxableExcess").GetDecimal());

        var mine = await (await store.ClientFor(xyz).GetAsync("/api/me/benefits")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("us-qualified-employee-discount", mine.GetProperty("rule").GetString());
        Assert.Equal(mine.GetProperty("periods").EnumerateArray().Sum(p => p.GetProperty("taxableExcess").GetDecimal()),
            mine.GetProperty("taxableExcess").GetDecimal());
        Assert.True(mine.GetProperty("taxableExcess").GetDecimal() >= ownExcess);
    }

    [Fact]
    public async Task The_export_lists_each_employee_s_taxable_excess_of_the_pay_period_and_simulation_reports_it()
    {
        var csvRequest = new HttpRequestMessage(HttpMethod.Get, $"/api/finance/taxable-benefits?period={PayDate(DateTime.UtcNow)}");
        csvRequest.Headers.Accept.ParseAdd("text/csv");
        var csv = await (await store.ClientFor(Identity.Finance).SendAsync(csvRequest)).Content.ReadAsStringAsync();
        Assert.StartsWith("employee,name,period,taxable_excess,", csv);

        var cli = await CliRunner.RunAsync(store.CliEnvironment, "export-taxable-benefits", "--period", PayDate(DateTime.UtcNow));
        Assert.True(cli.ExitCode == 0, cli.StdErr);
        Assert.Equal("employee,name,period,taxable_excess,discount,qualified_limit,currency,orders,subscriptions", cli.Lines[0]);

        await (await store.ClientFor(Identity.Finance).GetAsync("/api/finance/taxable-benefits?period=2026-11-03"))
            .AssertValidationErrorAsync("period");
        await (await store.ClientFor(Identity.Hr).GetAsync($"/api/finance/taxable-benefits?period={PayDate(DateTime.UtcNow)}"))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");

        // XYZ sells services: an XYZ employee's discount on goods is taxable in full, in the simulation too.
        var goods = await _given.NewProductAsync(listPrice: 80m, unitCost: 30m);
        var placed = await _given.PlaceAsync(Identity.OtherCompanyEmployee, (goods, 1));
        Assert.True(placed.GetProperty("lines")[0].GetProperty("externalUnitPrice").GetDecimal()
                    > placed.GetProperty("lines")[0].GetProperty("unitPrice").GetDecimal(), "E2001 gets a discount");
        var groupHr = new Identity("H0001", [Application.Common.Roles.Hr], "JKL");
        var policies = await (await store.ClientFor(groupHr).GetAsync("/api/policies")).AssertJsonAsync(HttpStatusCode.OK);
        var id = policies.EnumerateArray().First().GetProperty("id").GetGuid();
        var simulation = await (await store.ClientFor(groupHr).PostJsonAsync($"/api/policies/{id}/simulate", new { days = 30 }))
            .AssertJsonAsync(HttpStatusCode.OK);
        Assert.True(simulation.GetProperty("inForce").GetProperty("taxableExcess").GetDecimal() > 0);
        Assert.Equal(simulation.GetProperty("draft").GetProperty("taxableExcess").GetDecimal(),
            simulation.GetProperty("inForce").GetProperty("taxableExcess").GetDecimal());
    }
}

public sealed class BenefitApiTestsOnSqlite(SqliteUsBenefitsStoreFactory store) : BenefitApiTests(store), IClassFixture<SqliteUsBenefitsStoreFactory>;

public sealed class BenefitApiTestsOnPostgres(PostgresUsBenefitsStoreFactory store) : BenefitApiTests(store), IClassFixture<PostgresUsBenefitsStoreFactory>;

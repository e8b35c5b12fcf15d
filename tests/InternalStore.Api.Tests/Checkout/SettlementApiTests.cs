using System.Net;
using System.Text.Json;
using InternalStore.Api.Tests.Infrastructure;

namespace InternalStore.Api.Tests.Checkout;

/// <summary>Payroll deduction, internal chargeback and intercompany invoice: settlement inside the group.</summary>
public abstract class SettlementApiTests(StoreFactory store)
{
    private readonly CheckoutScenario _given = new(store);

    private static decimal Sum(JsonElement items, string property) =>
        items.EnumerateArray().Sum(i => i.GetProperty(property).GetDecimal());

    [Fact]
    public async Task Payroll_splits_the_total_to_the_cent_over_the_pay_periods_and_pays_the_order()
    {
        var sku = await _given.NewProductAsync(listPrice: 33.33m);
        var order = await _given.PlaceAsync(Identity.Employee, (sku, 3));
        var total = order.GetProperty("subtotal").GetDecimal();
        var allowanceBefore = await _given.AllowanceAsync(Identity.Employee);

        var result = await (await _given.CheckoutAsync(Identity.Employee, order.Id(), new { method = "payroll", installments = 6 }))
            .AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal("paid", result.GetProperty("order").Status());
        var deductions = result.GetProperty("details").GetProperty("deductions");
        Assert.Equal(6, deductions.GetArrayLength());
        Assert.Equal(total, Sum(deductions, "amount"));
        var amounts = deductions.EnumerateArray().Select(d => d.GetProperty("amount").GetDecimal()).ToList();
        Assert.True(amounts.Max() - amounts.Min() <= 0.01m, string.Join(", ", amounts));
        var periods = deductions.EnumerateArray().Select(d => d.GetProperty("period").GetDateTime()).ToList();
        Assert.Equal(periods.Order().ToList(), periods);
        Assert.All(periods, p => Assert.True(p.Day == 15 || p.AddDays(1).Day == 1, $"{p:yyyy-MM-dd} is not a pay date"));
        var allowanceAfter = await _given.AllowanceAsync(Identity.Employee);
        var reserved = order.GetProperty("allowanceReserved").GetDecimal();
        Assert.Equal(allowanceBefore.Used + reserved, allowanceAfter.Used);
        Assert.Equal(allowanceBefore.Reserved - reserved, allowanceAfter.Reserved);

        var firstPeriod = periods[0].ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var export = await (await store.ClientFor(Identity.Finance).GetAsync($"/api/finance/payroll-deductions?period={firstPeriod}"))
            .AssertJsonAsync(HttpStatusCode.OK);
        Assert.Contains(export.GetProperty("deductions").EnumerateArray(),
            d => d.GetProperty("orderId").GetGuid() == order.Id() && d.GetProperty("amount").GetDecimal() == amounts[0]);
    }

    [Fact]
    public async Task Checkout_replays_with_its_key_and_refuses_the_key_with_another_body_or_a_second_payment()
    {
        var sku = await _given.NewProductAsync();
        var order = await _given.PlaceAsync(Identity.Employee, (sku, 1));
        var key = Guid.NewGuid().ToString();

        var first = await (await _given.CheckoutAsync(Identity.Employee, order.Id(), new { method = "payroll", installments = 2 }, key))
            .AssertJsonAsync(HttpStatusCode.OK);
        var replay = await (await _given.CheckoutAsync(Identity.Employee, order.Id(), new { method = "payroll", installments = 2 }, key))
            .AssertJsonAsync(HttpStatusCode.OK);
        await (await _given.CheckoutAsync(Identity.Employee, order.Id(), new { method = "payroll", installments = 3 }, key))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "idempotency-key-reused");
        await (await _given.CheckoutAsync(Identity.Employee, order.Id(), new { method = "payroll", installments = 2 }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "invalid-state");

        Assert.Equal(first.GetProperty("details").GetProperty("id").GetGuid(), replay.GetProperty("details").GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Concurrent_checkouts_of_one_order_settle_it_once()
    {
        var sku = await _given.NewProductAsync();
        var order = await _given.PlaceAsync(Identity.Employee, (sku, 1));

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
            _given.CheckoutAsync(Identity.Employee, order.Id(), new { method = "payroll", installments = 1 })));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        var paid = await _given.OrderAsync(order.Id());
        Assert.Single(paid.GetProperty("history").EnumerateArray(), h => h.GetProperty("to").GetString() == "paid");
    }

    [Fact]
    public async Task A_method_that_does_not_fit_the_buyer_is_409_payment_method_unavailable()
    {
        var sku = await _given.NewProductAsync();
        var employeeOrder = await _given.PlaceAsync(Identity.Employee, (sku, 1));
        var departmentOrder = await _given.PlaceAsync(Identity.DepartmentBuyer, (sku, 1));

        await (await _given.CheckoutAsync(Identity.Employee, employeeOrder.Id(), new { method = "chargeback" }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "payment-method-unavailable");
        await (await _given.CheckoutAsync(Identity.Employee, employeeOrder.Id(), new { method = "invoice" }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "payment-method-unavailable");
        await (await _given.CheckoutAsync(Identity.DepartmentBuyer, departmentOrder.Id(), new { method = "payroll" }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "payment-method-unavailable");
        // The embedded default has no Stripe key: card is unavailable, and says why.
        var card = await (await _given.CheckoutAsync(Identity.Employee, employeeOrder.Id(), new { method = "card" }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "payment-method-unavailable");
        Assert.Contains("Stripe:SecretKey", card.GetProperty("detail").GetString());
        Assert.Equal("awaitingPayment", (await _given.OrderAsync(employeeOrder.Id())).Status());
    }

    [Fact]
    public async Task Checkout_input_is_validated_and_only_the_buyer_checks_out()
    {
        var sku = await _given.NewProductAsync();
        var order = await _given.PlaceAsync(Identity.Employee, (sku, 1));

        await (await _given.CheckoutAsync(Identity.Employee, order.Id(), new { method = "cash" })).AssertValidationErrorAsync("method");
        await (await _given.CheckoutAsync(Identity.Employee, order.Id(), new { method = "payroll", installments = 7 }))
            .AssertValidationErrorAsync("installments");
        await (await _given.CheckoutAsync(Identity.Employee, order.Id(), new { method = "payroll", installments = 0 }))
            .AssertValidationErrorAsync("installments");
        var noKey = new HttpRequestMessage(HttpMethod.Post, $"/api/orders/{order.Id()}/checkout")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { method = "payroll" }),
        };
        await (await store.ClientFor(Identity.Employee).SendAsync(noKey)).AssertValidationErrorAsync("Idempotency-Key");
        await (await _given.CheckoutAsync(Identity.OtherCompanyEmployee, order.Id(), new { method = "payroll" }))
            .AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await _given.CheckoutAsync(Identity.Employee, Guid.NewGuid(), new { method = "payroll" }))
            .AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        Assert.Equal("awaitingPayment", (await _given.OrderAsync(order.Id())).Status());
    }

    [Fact]
    public async Task The_per_period_payroll_cap_holds_and_says_how_to_fit_under_it()
    {
        var sku = await _given.NewProductAsync(listPrice: 900m, unitCost: 400m);
        var order = await _given.PlaceAsync(Identity.Employee, (sku, 1));

        var refused = await (await _given.CheckoutAsync(Identity.Employee, order.Id(), new { method = "payroll", installments = 1 }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "payment-method-unavailable");
        Assert.Contains("per pay period", refused.GetProperty("detail").GetString());

        var spread = await (await _given.CheckoutAsync(Identity.Employee, order.Id(), new { method = "payroll", installments = 6 }))
            .AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("paid", spread.GetProperty("order").Status());
    }

    [Fact]
    public async Task A_leaver_s_open_payroll_schedule_collapses_into_the_final_pay_period()
    {
        var id = "E7" + Random.Shared.Next(100, 999) + Random.Shared.Next(0, 9);
        var hr = store.ClientFor(Identity.Hr);
        var csv = $"id,name,email,company,costCenter,grade,hireDate,status,terminationDate\n{id},Lea Ver,{id.ToLowerInvariant()}@abc.example,ABC,CC-1000,4,2015-01-05,active,\n";
        (await hr.PostAsync("/api/employees/import", new StringContent(csv, System.Text.Encoding.UTF8, "text/csv")))
            .EnsureSuccessStatusCode();
        var leaver = new Identity(id, [Application.Common.Roles.Employee]);
        var sku = await _given.NewProductAsync(listPrice: 100m, unitCost: 40m);
        var order = await _given.PlaceAsync(leaver, (sku, 1));
        var schedule = await (await _given.CheckoutAsync(leaver, order.Id(), new { method = "payroll", installments = 6 }))
            .AssertJsonAsync(HttpStatusCode.OK);
        var total = schedule.GetProperty("details").GetProperty("total").GetDecimal();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        await (await hr.SendAsync(new HttpRequestMessage(HttpMethod.Put, $"/api/employees/{id}")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new
            {
                name = "Lea Ver", email = $"{id.ToLowerInvariant()}@abc.example", costCenter = "CC-1000", grade = 4,
                status = "terminated", hireDate = "2015-01-05", terminationDate = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            }),
        })).AssertJsonAsync(HttpStatusCode.OK);

        var finalPayDate = today.Day <= 15 ? new DateOnly(today.Year, today.Month, 15)
            : new DateOnly(today.Year, today.Month, DateTime.DaysInMonth(today.Year, today.Month));
        var export = await (await store.ClientFor(Identity.Finance)
                .GetAsync($"/api/finance/payroll-deductions?period={finalPayDate:yyyy-MM-dd}"))
            .AssertJsonAsync(HttpStatusCode.OK);
        var due = export.GetProperty("deductions").EnumerateArray().Where(d => d.GetProperty("orderId").GetGuid() == order.Id()).ToList();
        Assert.Equal(total, due.Sum(d => d.GetProperty("amount").GetDecimal()));
        var later = await (await store.ClientFor(Identity.Finance)
                .GetAsync($"/api/finance/payroll-deductions?period={new DateOnly(finalPayDate.Year, finalPayDate.Month, 1).AddMonths(2).AddDays(-1):yyyy-MM-dd}"))
            .AssertJsonAsync(HttpStatusCode.OK);
        Assert.DoesNotContain(later.GetProperty("deductions").EnumerateArray(), d => d.GetProperty("orderId").GetGuid() == order.Id());

        // A leaver is no longer offered payroll deduction.
        var second = await _given.PlaceAsync(leaver, (sku, 1));
        await (await _given.CheckoutAsync(leaver, second.Id(), new { method = "payroll" }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "payment-method-unavailable");
    }

    [Fact]
    public async Task A_department_pays_by_chargeback_and_the_month_s_statement_adds_up()
    {
        var sku = await _given.NewProductAsync(listPrice: 50m, unitCost: 30m);
        var month = DateTime.UtcNow.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        var orders = new List<JsonElement>();
        for (var i = 1; i <= 3; i++)
        {
            var order = await _given.PlaceAsync(Identity.DepartmentBuyer, (sku, i));
            var paid = await (await _given.CheckoutAsync(Identity.DepartmentBuyer, order.Id(), new { method = "chargeback" }))
                .AssertJsonAsync(HttpStatusCode.OK);
            Assert.Equal("paid", paid.GetProperty("order").Status());
            var entry = paid.GetProperty("details");
            Assert.Equal("CC-1200", entry.GetProperty("costCenter").GetString());
            Assert.Equal("ABC", entry.GetProperty("sellerCompany").GetString());
            Assert.Equal(order.GetProperty("subtotal").GetDecimal(), entry.GetProperty("amount").GetDecimal());
            Assert.Equal(30m * i, entry.GetProperty("cost").GetDecimal());
            orders.Add(order);
        }

        var statement = await (await store.ClientFor(Identity.Finance).GetAsync($"/api/finance/chargebacks?month={month}"))
            .AssertJsonAsync(HttpStatusCode.OK);
        var dispatch = statement.GetProperty("costCenters").EnumerateArray().Single(c => c.GetProperty("costCenter").GetString() == "CC-1200");
        var mine = dispatch.GetProperty("entries").EnumerateArray()
            .Where(e => orders.Any(o => o.Id() == e.GetProperty("orderId").GetGuid())).ToList();
        Assert.Equal(orders.Sum(o => o.GetProperty("subtotal").GetDecimal()), mine.Sum(e => e.GetProperty("amount").GetDecimal()));
        Assert.Equal(Sum(dispatch.GetProperty("entries"), "amount"), dispatch.GetProperty("amount").GetDecimal());
        Assert.Equal(statement.GetProperty("costCenters").EnumerateArray().Sum(c => c.GetProperty("amount").GetDecimal()),
            statement.GetProperty("amount").GetDecimal());
        Assert.Equal(dispatch.GetProperty("amount").GetDecimal() - dispatch.GetProperty("cost").GetDecimal(),
            dispatch.GetProperty("markup").GetDecimal());

        var csvRequest = new HttpRequestMessage(HttpMethod.Get, $"/api/finance/chargebacks?month={month}");
        csvRequest.Headers.Accept.ParseAdd("text/csv");
        var csv = await store.ClientFor(Identity.Finance).SendAsync(csvRequest);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var rows = (await csv.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("month,cost_center,", rows[0]);
        Assert.Equal(orders.Count, rows.Count(r => orders.Any(o => r.Contains(o.Id().ToString(), StringComparison.Ordinal))));

        await (await store.ClientFor(Identity.Finance).GetAsync("/api/finance/chargebacks?month=2026-13"))
            .AssertValidationErrorAsync("month");
        await (await store.ClientFor(Identity.Employee).GetAsync($"/api/finance/chargebacks?month={month}"))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task An_affiliate_is_invoiced_and_the_order_is_paid_when_finance_settles_the_invoice()
    {
        var sku = await _given.NewProductAsync(listPrice: 40m, unitCost: 25m);
        var order = await _given.PlaceAsync(Identity.AffiliateBuyer, (sku, 2));

        var invoiced = await (await _given.CheckoutAsync(Identity.AffiliateBuyer, order.Id(), new { method = "invoice" }))
            .AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal("awaitingPayment", invoiced.GetProperty("order").Status());
        var invoice = invoiced.GetProperty("details");
        Assert.Matches(@"^[A-Z]+-\d{4}-\d{5}$", invoice.GetProperty("number").GetString());
        Assert.Equal("XYZ", invoice.GetProperty("buyerCompany").GetString());
        Assert.Equal(order.GetProperty("subtotal").GetDecimal(), invoice.GetProperty("total").GetDecimal());
        Assert.Equal(Sum(invoice.GetProperty("lines"), "lineTotal"), invoice.GetProperty("total").GetDecimal());
        Assert.Equal(invoice.GetProperty("issueDate").GetDateTime().AddDays(30), invoice.GetProperty("dueDate").GetDateTime());
        await (await store.ClientFor(Identity.AffiliateBuyer).PostAsync($"/api/orders/{order.Id()}/cancel", null))
            .AssertProblemAsync(HttpStatusCode.Conflict, "invalid-state");

        var list = await (await store.ClientFor(Identity.Finance).GetAsync("/api/finance/invoices?status=open&pageSize=100"))
            .AssertJsonAsync(HttpStatusCode.OK);
        Assert.Contains(list.GetProperty("items").EnumerateArray(), i => i.Id() == invoice.Id());
        var settled = await (await store.ClientFor(Identity.Finance).PostAsync($"/api/finance/invoices/{invoice.Id()}/settle", null))
            .AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("settled", settled.Status());
        Assert.Equal("paid", (await _given.OrderAsync(order.Id())).Status());
        await (await store.ClientFor(Identity.Finance).PostAsync($"/api/finance/invoices/{invoice.Id()}/settle", null))
            .AssertProblemAsync(HttpStatusCode.Conflict, "invalid-state");
        await (await store.ClientFor(Identity.Finance).PostAsync($"/api/finance/invoices/{Guid.NewGuid()}/settle", null))
            .AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await store.ClientFor(Identity.Finance).GetAsync("/api/finance/invoices?status=paid-maybe"))
            .AssertValidationErrorAsync("status");
    }

    [Fact]
    public async Task Refunds_by_line_never_exceed_what_was_paid_and_give_back_allowance_and_stock_when_asked()
    {
        var sku = await _given.NewProductAsync(listPrice: 10m, unitCost: 4m);
        var other = await _given.NewProductAsync(listPrice: 7m, unitCost: 3m);
        var order = await _given.PlaceAsync(Identity.Employee, (sku, 3), (other, 1));
        await (await _given.CheckoutAsync(Identity.Employee, order.Id(), new { method = "payroll", installments = 3 }))
            .AssertJsonAsync(HttpStatusCode.OK);
        var total = order.GetProperty("subtotal").GetDecimal();
        var stock = await _given.StockAsync(sku);
        var usedBefore = (await _given.AllowanceAsync(Identity.Employee)).Used;
        var key = Guid.NewGuid().ToString();

        var partial = await (await _given.RefundAsync(Identity.Finance, order.Id(),
                new { lines = new[] { new { sku, quantity = 1 } }, reason = "damaged", returnToStock = true }, key))
            .AssertJsonAsync(HttpStatusCode.Created);
        var replay = await (await _given.RefundAsync(Identity.Finance, order.Id(),
                new { lines = new[] { new { sku, quantity = 1 } }, reason = "damaged", returnToStock = true }, key))
            .AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(partial.Id(), replay.Id());
        Assert.Equal(stock + 1, await _given.StockAsync(sku));
        Assert.Equal("partiallyRefunded", (await _given.OrderAsync(order.Id())).Status());
        var restored = partial.GetProperty("allowanceRestored").GetDecimal();
        Assert.True(restored > 0);
        Assert.Equal(usedBefore - restored, (await _given.AllowanceAsync(Identity.Employee)).Used);

        await (await _given.RefundAsync(Identity.Finance, order.Id(), new { lines = new[] { new { sku, quantity = 3 } }, reason = "too many" }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "invalid-quantity");
        await (await _given.RefundAsync(Identity.Finance, order.Id(), new { lines = new[] { new { sku = "NOPE", quantity = 1 } }, reason = "x" }))
            .AssertValidationErrorAsync("lines[0].sku", "unknown-sku");

        // Concurrent requests for "everything left" refund it once.
        var rest = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            _given.RefundAsync(Identity.Finance, order.Id(), new { reason = "returned" })));
        Assert.Equal(1, rest.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.All(rest.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        var restAmount = (await rest.Single(r => r.StatusCode == HttpStatusCode.Created).AssertJsonAsync(HttpStatusCode.Created))
            .GetProperty("amount").GetDecimal();
        Assert.Equal(total, partial.GetProperty("amount").GetDecimal() + restAmount);
        Assert.Equal("refunded", (await _given.OrderAsync(order.Id())).Status());
        Assert.Equal(stock + 1, await _given.StockAsync(sku)); // the rest did not come back to stock
        await (await _given.RefundAsync(Identity.Finance, order.Id(), new { reason = "again" }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "invalid-state");
    }

    [Fact]
    public async Task A_chargeback_refund_posts_a_reversal_and_an_unpaid_order_is_not_refunded()
    {
        var sku = await _given.NewProductAsync(listPrice: 50m, unitCost: 30m);
        var order = await _given.PlaceAsync(Identity.DepartmentBuyer, (sku, 2));
        await (await _given.RefundAsync(Identity.Finance, order.Id(), new { reason = "not paid yet" }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "invalid-state");
        await (await _given.CheckoutAsync(Identity.DepartmentBuyer, order.Id(), new { method = "chargeback" }))
            .AssertJsonAsync(HttpStatusCode.OK);
        // HR sees employee orders only: a department's order is not HR's to see, let alone refund.
        await (await _given.RefundAsync(Identity.Hr, order.Id(), new { reason = "not hr's order" }))
            .AssertProblemAsync(HttpStatusCode.NotFound, "not-found");

        await (await _given.RefundAsync(Identity.DepartmentBuyer, order.Id(), new { lines = new[] { new { sku, quantity = 1 } }, reason = "one too many" }))
            .AssertJsonAsync(HttpStatusCode.Created);

        var month = DateTime.UtcNow.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        var statement = await (await store.ClientFor(Identity.Finance).GetAsync($"/api/finance/chargebacks?month={month}"))
            .AssertJsonAsync(HttpStatusCode.OK);
        var entries = statement.GetProperty("costCenters").EnumerateArray().SelectMany(c => c.GetProperty("entries").EnumerateArray())
            .Where(e => e.GetProperty("orderId").GetGuid() == order.Id()).ToList();
        Assert.Equal(2, entries.Count);
        Assert.Equal(order.GetProperty("subtotal").GetDecimal() / 2, entries.Sum(e => e.GetProperty("amount").GetDecimal()));
        Assert.Equal(30m, entries.Sum(e => e.GetProperty("cost").GetDecimal()));
    }
}

public sealed class SettlementApiTestsOnSqlite(SqliteStoreFactory store) : SettlementApiTests(store), IClassFixture<SqliteStoreFactory>;

public sealed class SettlementApiTestsOnPostgres(PostgresStoreFactory store) : SettlementApiTests(store), IClassFixture<PostgresStoreFactory>;

using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InternalStore.Api.Tests.Infrastructure;
using InternalStore.Application.Common;
using InternalStore.Domain.Settlement;
using InternalStore.Domain.Subscriptions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InternalStore.Api.Tests.Checkout;

/// <summary>
/// Service plans and subscriptions over HTTP on both databases: catalog's plans, an employee's price per
/// period, enrolling once, the codes of the contract, who sees and ends what, the payroll cap of a
/// checkout counting subscriptions, and a pay date billed by two CLI processes and the API at once, charged once.
/// </summary>
public abstract class SubscriptionApiTests(StoreFactory store)
{
    private static readonly Identity Probation = new("E1003", ["employee"]);
    private static readonly Identity XyzHr = new("H2001", ["hr"], "XYZ");
    private readonly CheckoutScenario _given = new(store);
    private static readonly PayrollCalendar Calendar = new(2);

    private async Task<string> ServiceProductAsync(decimal price)
    {
        var sku = "SV-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        await (await store.ClientFor(Identity.Catalog).PostJsonAsync("/api/products", new
        {
            sku, name = "Service " + sku, category = "services", listPrice = price, unitCost = price / 10m, stockOnHand = 0,
        })).AssertJsonAsync(HttpStatusCode.Created);
        return sku;
    }

    private static object PlanBody(string id, string sku, decimal price, string period = "payPeriod", bool afterProbation = false,
        string? closes = null) => new
    {
        id, name = "Plan " + id, sku, provider = "XYZ", period, pricePerPeriod = price, costPerPeriod = price / 10m,
        minimumTermPeriods = 0, noticeDays = 14, afterProbationOnly = afterProbation, enrolmentCloses = closes,
        allowsPause = true, allowsImmediateCancel = true,
    };

    private async Task<string> PlanAsync(decimal price, bool afterProbation = false, string? closes = null)
    {
        var sku = await ServiceProductAsync(price);
        var id = "P-" + sku;
        await (await store.ClientFor(Identity.Catalog).PostJsonAsync("/api/service-plans", PlanBody(id, sku, price,
            afterProbation: afterProbation, closes: closes))).AssertJsonAsync(HttpStatusCode.Created);
        return id;
    }

    private Task<HttpResponseMessage> SubscribeAsync(Identity who, string plan, string? key = null) =>
        store.ClientFor(who).SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/subscriptions")
        {
            Headers = { { "Idempotency-Key", key ?? Guid.NewGuid().ToString() } },
            Content = JsonContent.Create(new { plan }),
        });

    [Fact]
    public async Task Catalog_makes_plans_an_employee_sees_their_price_and_staff_rules_are_enforced()
    {
        var sku = await ServiceProductAsync(9.90m);
        var id = "P-" + sku;
        var catalog = store.ClientFor(Identity.Catalog);
        var created = await (await catalog.PostJsonAsync("/api/service-plans", PlanBody(id, sku, 9.90m))).AssertJsonAsync(HttpStatusCode.Created);
        Assert.Equal(0.99m, created.GetProperty("costPerPeriod").GetDecimal());
        await (await catalog.PostJsonAsync("/api/service-plans", PlanBody(id, sku, 9.90m))).AssertJsonAsync(HttpStatusCode.OK);
        await (await catalog.PostJsonAsync("/api/service-plans", PlanBody(id, sku, 12.00m))).AssertProblemAsync(HttpStatusCode.Conflict, "duplicate-plan");
        var goods = await _given.NewProductAsync();
        await (await catalog.PostJsonAsync("/api/service-plans", PlanBody("P-" + goods, goods, 5m))).AssertValidationErrorAsync("sku");
        await (await catalog.PostJsonAsync("/api/service-plans", PlanBody("P-X", sku, 5m, period: "weekly"))).AssertValidationErrorAsync("period");
        await (await store.ClientFor(Identity.Employee).PostJsonAsync("/api/service-plans", PlanBody("P-Y", sku, 5m)))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");

        var changed = await (await catalog.PutAsJsonAsync($"/api/service-plans/{id}", PlanBody(id, sku, 12.00m))).AssertJsonAsync(HttpStatusCode.OK);
        var prices = changed.GetProperty("prices");
        Assert.Equal(2, prices.GetArrayLength());
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Assert.Equal(Calendar.Containing(today.AddDays(14), PlanPeriod.PayPeriod).Next,
            DateOnly.Parse(prices[1].GetProperty("reachesSubscribersFrom").GetString()!, CultureInfo.InvariantCulture));
        await (await catalog.PutAsJsonAsync($"/api/service-plans/{id}", PlanBody(id, sku, 12.00m, period: "monthly")))
            .AssertProblemAsync(HttpStatusCode.Conflict, "invalid-state");
        await (await catalog.PutAsJsonAsync("/api/service-plans/NOPE", PlanBody("NOPE", sku, 12.00m))).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");

        var mine = await (await store.ClientFor(Identity.Employee).GetAsync($"/api/service-plans/{id}")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Null, mine.GetProperty("costPerPeriod").ValueKind); // the cost is for catalog and finance
        var my = mine.GetProperty("mine");
        Assert.Equal(9.60m, my.GetProperty("pricePerPeriod").GetDecimal()); // E1001 is silver: 20 % off 12.00
        var firstPeriod = Calendar.Containing(today.AddDays(1), PlanPeriod.PayPeriod);
        Assert.Equal(firstPeriod.PayDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), my.GetProperty("firstPayDate").GetString());
        var days = firstPeriod.End.DayNumber - today.AddDays(1).DayNumber + 1;
        Assert.Equal(decimal.Round(decimal.Round(12.00m * days / firstPeriod.Days, 2, MidpointRounding.AwayFromZero) * 0.8m, 2,
            MidpointRounding.AwayFromZero), my.GetProperty("firstCharge").GetDecimal());
        Assert.Equal(JsonValueKind.Null, my.GetProperty("unavailable").ValueKind);
        var staff = await (await store.ClientFor(Identity.Finance).GetAsync($"/api/service-plans/{id}")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Null, staff.GetProperty("mine").ValueKind);
    }

    [Fact]
    public async Task Enrolling_gives_one_subscription_with_the_contract_s_codes_and_the_owner_or_hr_ends_it()
    {
        var plan = await PlanAsync(20.00m, afterProbation: true);
        var key = Guid.NewGuid().ToString();
        var created = await (await SubscribeAsync(Identity.Employee, plan, key)).AssertJsonAsync(HttpStatusCode.Created);
        Assert.Equal("pending", created.GetProperty("status").GetString());
        var id = created.Id();
        Assert.Equal(id, (await (await SubscribeAsync(Identity.Employee, plan, key)).AssertJsonAsync(HttpStatusCode.OK)).Id());
        await (await SubscribeAsync(Identity.Employee, plan)).AssertProblemAsync(HttpStatusCode.Conflict, "already-subscribed");
        await (await SubscribeAsync(Identity.Employee, await PlanAsync(5m), key)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "idempotency-key-reused");
        await (await SubscribeAsync(Probation, plan)).AssertProblemAsync(HttpStatusCode.Conflict, "not-eligible");
        await (await SubscribeAsync(Identity.Employee, await PlanAsync(5m, closes: "2020-01-31"))).AssertProblemAsync(HttpStatusCode.Conflict, "enrolment-closed");
        await (await SubscribeAsync(Identity.Employee, "NOPE")).AssertValidationErrorAsync("plan");
        await (await store.ClientFor(Identity.Employee).PostAsync("/api/subscriptions", JsonContent.Create(new { plan })))
            .AssertValidationErrorAsync("Idempotency-Key");

        // Who sees it: the owner and ABC's HR; XYZ's HR and another employee get 404.
        await (await store.ClientFor(Identity.OtherCompanyEmployee).GetAsync($"/api/subscriptions/{id}")).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await store.ClientFor(XyzHr).GetAsync($"/api/subscriptions/{id}")).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        var hrList = await (await store.ClientFor(Identity.Hr).GetAsync($"/api/subscriptions?plan={plan}")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(id, Assert.Single(hrList.GetProperty("items").EnumerateArray()).Id());
        await (await store.ClientFor(Identity.Hr).GetAsync("/api/subscriptions?status=gone")).AssertValidationErrorAsync("status");
        await (await store.ClientFor(Identity.Hr).PostAsync($"/api/subscriptions/{id}/pause", null)).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");

        var paused = await (await store.ClientFor(Identity.Employee).PostAsync($"/api/subscriptions/{id}/pause", null)).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("paused", paused.GetProperty("status").GetString());
        await (await store.ClientFor(Identity.Employee).PostAsync($"/api/subscriptions/{id}/resume", null)).AssertJsonAsync(HttpStatusCode.OK);
        await (await store.ClientFor(Identity.Hr).PostJsonAsync($"/api/subscriptions/{id}/cancel", new { atPeriodEnd = true }))
            .AssertValidationErrorAsync("reason");
        var ended = await (await store.ClientFor(Identity.Hr).PostJsonAsync($"/api/subscriptions/{id}/cancel",
            new { atPeriodEnd = true, reason = "leaves the scheme" })).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(("ended", "leaves the scheme"), (ended.GetProperty("status").GetString(), ended.GetProperty("endReason").GetString()));
        await (await store.ClientFor(Identity.Employee).PostJsonAsync($"/api/subscriptions/{id}/cancel", new { reason = "again" }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "invalid-state");
    }

    [Fact]
    public async Task A_payroll_checkout_counts_the_subscriptions_of_its_pay_period_against_the_cap()
    {
        var employee = new Identity("E1001", ["employee"]);
        var plan = await PlanAsync(400.00m); // 320.00 a pay period for E1001
        await (await SubscribeAsync(employee, plan)).AssertJsonAsync(HttpStatusCode.Created);
        var sku = await _given.NewProductAsync(listPrice: 250.00m, unitCost: 100.00m); // 200.00 for E1001
        var order = await _given.PlaceAsync(employee, (sku, 1));

        var refused = await (await _given.CheckoutAsync(employee, order.Id(), new { method = "payroll", installments = 1 }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "payment-method-unavailable");
        Assert.Contains("orders and subscriptions together", refused.GetProperty("detail").GetString());
        await (await _given.CheckoutAsync(employee, order.Id(), new { method = "payroll", installments = 3 })).AssertJsonAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_pay_date_billed_by_two_processes_and_the_api_at_once_charges_each_subscription_once()
    {
        var plan = await PlanAsync(30.00m);
        var subscription = (await (await SubscribeAsync(Identity.OtherCompanyEmployee, plan)).AssertJsonAsync(HttpStatusCode.Created)).Id();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var payDate = Calendar.NextPayDates(today.AddDays(-40), 1)[0]; // a past pay date
        await using (var scope = store.Services.CreateAsyncScope())
        {
            // Enrolled six weeks ago: that pay date is now due for it.
            var db = scope.ServiceProvider.GetRequiredService<IStoreDb>();
            var started = today.AddDays(-41);
            await db.Subscriptions.Where(s => s.Id == subscription).ExecuteUpdateAsync(u => u
                .SetProperty(s => s.StartsOn, started)
                .SetProperty(s => s.EnrolledAt, new DateTimeOffset(started.AddDays(-1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)));
        }

        var period = payDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var runs = await Task.WhenAll(
            CliRunner.RunAsync(store.CliEnvironment, "bill-subscriptions", "--period", period),
            CliRunner.RunAsync(store.CliEnvironment, "bill-subscriptions", "--period", period),
            Task.Run(async () =>
            {
                var response = await store.ClientFor(Identity.GroupFinance).PostAsync($"/api/finance/subscription-charges?period={period}", null);
                var body = await response.AssertJsonAsync(HttpStatusCode.OK);
                return new CliResult(0, body.GetRawText(), "");
            }));
        Assert.All(runs, r => Assert.True(r.ExitCode == 0, r.StdErr));

        var charges = await (await store.ClientFor(Identity.GroupFinance).GetAsync($"/api/finance/subscription-charges?period={period}"))
            .AssertJsonAsync(HttpStatusCode.OK);
        var rows = charges.GetProperty("charges").EnumerateArray().Select(r => r.GetProperty("charge")).ToList();
        Assert.Single(rows, c => c.GetProperty("subscriptionId").GetGuid() == subscription);
        Assert.Equal(rows.Count, rows.Select(c => c.GetProperty("subscriptionId").GetGuid()).Distinct().Count());
        var csv = await store.ClientFor(Identity.GroupFinance).SendAsync(new HttpRequestMessage(HttpMethod.Get,
            $"/api/finance/subscription-charges?period={period}") { Headers = { { "Accept", "text/csv" } } });
        Assert.StartsWith("pay_date,plan,sku,employee,", await csv.Content.ReadAsStringAsync());

        // The payroll file carries the same lines, typed, and its total is theirs plus the orders'.
        var payroll = await (await store.ClientFor(Identity.GroupFinance).GetAsync($"/api/finance/payroll-deductions?period={period}"))
            .AssertJsonAsync(HttpStatusCode.OK);
        var lines = payroll.GetProperty("deductions").EnumerateArray().ToList();
        var subscriptionLines = lines.Where(l => l.GetProperty("type").GetString() == "subscription").ToList();
        Assert.Equal(charges.GetProperty("collected").GetDecimal(), subscriptionLines.Sum(l => l.GetProperty("amount").GetDecimal()));
        Assert.Equal(payroll.GetProperty("total").GetDecimal(), lines.Sum(l => l.GetProperty("amount").GetDecimal()));
        Assert.Contains(subscriptionLines, l => l.GetProperty("subscriptionId").GetGuid() == subscription);
        var benefits = await (await store.ClientFor(Identity.GroupFinance).GetAsync($"/api/finance/taxable-benefits?period={period}"))
            .AssertJsonAsync(HttpStatusCode.OK);
        Assert.Contains(benefits.GetProperty("employees").EnumerateArray(), e => e.GetProperty("subscriptions").EnumerateArray()
            .Any(s => s.GetGuid() == subscription));

        var later = Calendar.NextPayDates(Calendar.PayDateOnOrAfter(today), 1)[0].ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await (await store.ClientFor(Identity.GroupFinance).PostAsync($"/api/finance/subscription-charges?period={later}", null))
            .AssertValidationErrorAsync("period");
        await (await store.ClientFor(Identity.GroupFinance).PostAsync("/api/finance/subscription-charges", null)).AssertValidationErrorAsync("period");
    }
}

public sealed class SubscriptionApiTestsOnSqlite(SqliteStoreFactory store) : SubscriptionApiTests(store), IClassFixture<SqliteStoreFactory>;

public sealed class SubscriptionApiTestsOnPostgres(PostgresStoreFactory store) : SubscriptionApiTests(store), IClassFixture<PostgresStoreFactory>;

using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InternalStore.Api.Tests.Infrastructure;
using InternalStore.Application.Common;
using InternalStore.Domain.People;
using InternalStore.Domain.Settlement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InternalStore.Api.Tests.Checkout;

/// <summary>
/// Internal services over HTTP on both databases, each test in a company of its own below ABC (a close locks
/// a company's month): the contract's statuses and codes, who reads which statement, the CSV report, and
/// the month-end close against many callers at once: it closes once, and an entry either makes the close
/// (priced and posted once) or is refused with <c>period-closed</c>.
/// </summary>
public abstract class InternalServiceApiTests(StoreFactory store)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>Last month: over, so finance can close it.</summary>
    private static readonly DateOnly LastMonth = new DateOnly(Today.Year, Today.Month, 1).AddMonths(-1);

    private static string Month(DateOnly day) => day.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private sealed record Unit(string Company, Identity It, Identity Marketing, Identity Sales, string Service);

    private async Task<Unit> CompanyAsync(decimal rate = 82.50m)
    {
        var code = "Q" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        string Cc(string part) => $"CC-{code}-{part}";
        await using (var scope = store.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IStoreDb>();
            db.Companies.Add(new Company(code, "Test company " + code, "ABC"));
            foreach (var part in new[] { "IT", "MK", "SA" })
                db.CostCenters.Add(new CostCenter(Cc(part), part + " of " + code, code));
            await db.SaveChangesAsync(CancellationToken.None);
        }

        var unit = new Unit(code, new Identity("S-" + code, [Roles.ServiceProvider], code, Cc("IT")),
            new Identity("D-" + code + "-MK", [Roles.DepartmentBuyer], code, Cc("MK")),
            new Identity("D-" + code + "-SA", [Roles.DepartmentBuyer], code, Cc("SA")), code + "-SUPPORT");
        await (await store.ClientFor(unit.It).PostJsonAsync("/api/internal-services", new
        {
            id = unit.Service, name = "IT support", unit = "hour", unitRate = rate, from = LastMonth.AddMonths(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        })).AssertJsonAsync(HttpStatusCode.Created);
        return unit;
    }

    private Task<HttpResponseMessage> UseAsync(Identity provider, string service, string consumer, decimal quantity, DateOnly date,
        string? key = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/usage")
        {
            Content = JsonContent.Create(new { service, consumer, quantity, date = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), reference = "T-1" }),
        };
        if (key != "")
            request.Headers.Add("Idempotency-Key", key ?? Guid.NewGuid().ToString());
        return store.ClientFor(provider).SendAsync(request);
    }

    private Task<HttpResponseMessage> CloseAsync(string company, DateOnly month) =>
        store.ClientFor(Identity.Finance).PostAsync($"/api/finance/periods/{Month(month)}/close?company={company}", null);

    private async Task<List<JournalEntry>> JournalsAsync(string company)
    {
        await using var scope = store.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IStoreDb>().JournalEntries.AsNoTracking()
            .Where(e => e.BuyerCompany == company && e.Kind == JournalKind.ServiceCharge).ToListAsync();
    }

    [Fact]
    public async Task A_service_its_usage_the_close_and_the_statement_answer_as_the_contract_says()
    {
        var u = await CompanyAsync();
        var it = store.ClientFor(u.It);
        var day = LastMonth.AddDays(9);

        (await (await it.PostJsonAsync("/api/internal-services", new { id = u.Service, name = "IT support", unit = "hour", unitRate = 82.50m,
            from = LastMonth.AddMonths(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) })).AssertJsonAsync(HttpStatusCode.OK)).GetProperty("id");
        var rate = await (await it.PostJsonAsync($"/api/internal-services/{u.Service}/rates",
            new { unitRate = 80.00m, from = LastMonth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), consumer = u.Sales.CostCenter }))
            .AssertJsonAsync(HttpStatusCode.Created);
        Assert.Equal(2, rate.GetProperty("rates").GetArrayLength());
        await (await it.PostJsonAsync($"/api/internal-services/{u.Service}/rates",
                new { unitRate = 81.00m, from = LastMonth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), consumer = u.Sales.CostCenter }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "rate-exists");

        await (await UseAsync(u.It, u.Service, u.Marketing.CostCenter!, 1m, day, key: "")).AssertValidationErrorAsync("Idempotency-Key");
        await (await UseAsync(u.It, u.Service, "CC-NOPE", 1m, day)).AssertValidationErrorAsync("consumer", "unknown-cost-centre");
        await (await UseAsync(u.It, "NO-SUCH-SERVICE", u.Marketing.CostCenter!, 1m, day)).AssertValidationErrorAsync("service", "unknown-service");
        await (await UseAsync(Identity.ItProvider, u.Service, u.Marketing.CostCenter!, 1m, day)).AssertValidationErrorAsync("service", "unknown-service");
        await (await UseAsync(u.It, u.Service, u.Marketing.CostCenter!, 1m, Today.AddDays(1))).AssertValidationErrorAsync("date");
        var key = Guid.NewGuid().ToString();
        var first = await (await UseAsync(u.It, u.Service, u.Marketing.CostCenter!, 1.5m, day, key)).AssertJsonAsync(HttpStatusCode.Created);
        var replay = await (await UseAsync(u.It, u.Service, u.Marketing.CostCenter!, 1.5m, day, key)).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(first.GetRawText(), replay.GetRawText());
        await (await UseAsync(u.It, u.Service, u.Marketing.CostCenter!, 2m, day, key)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "idempotency-key-reused");
        await (await UseAsync(u.It, u.Service, u.Sales.CostCenter!, 2m, day)).AssertJsonAsync(HttpStatusCode.Created);
        Assert.False(first.GetProperty("priced").GetBoolean());
        Assert.Equal(123.75m, first.GetProperty("amount").GetDecimal()); // a preview at the rate card until the close

        var usage = await (await it.GetAsync($"/api/usage?month={Month(day)}")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal((2, 3.5m, 283.75m), (usage.GetProperty("count").GetInt32(), usage.GetProperty("quantity").GetDecimal(), usage.GetProperty("amount").GetDecimal()));
        await (await it.GetAsync("/api/usage?month=2026-13")).AssertValidationErrorAsync("month");

        var closed = await (await CloseAsync(u.Company, day)).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(("closed", 2, 2), (closed.GetProperty("status").GetString(), closed.GetProperty("entriesPriced").GetInt32(),
            closed.GetProperty("journalEntries").GetInt32()));
        Assert.True((await (await CloseAsync(u.Company, day)).AssertJsonAsync(HttpStatusCode.OK)).GetProperty("alreadyClosed").GetBoolean());
        await (await CloseAsync(u.Company, Today)).AssertProblemAsync(HttpStatusCode.Conflict, "invalid-state");
        await (await CloseAsync("NOPE", day)).AssertValidationErrorAsync("company", "unknown-company");
        await (await store.ClientFor(new Identity("F2001", [Roles.Finance], "XYZ")).PostAsync(
            $"/api/finance/periods/{Month(day)}/close?company={u.Company}", null)).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await UseAsync(u.It, u.Service, u.Marketing.CostCenter!, 1m, day)).AssertProblemAsync(HttpStatusCode.Conflict, "period-closed");

        var statement = await (await store.ClientFor(u.Marketing).GetAsync($"/api/cost-centres/{u.Marketing.CostCenter}/statement?month={Month(day)}"))
            .AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(("closed", 123.75m), (statement.GetProperty("status").GetString(), statement.GetProperty("total").GetDecimal()));
        await (await store.ClientFor(u.Marketing).GetAsync($"/api/cost-centres/{u.Sales.CostCenter}/statement?month={Month(day)}"))
            .AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await store.ClientFor(Identity.DepartmentBuyer).GetAsync($"/api/cost-centres/{u.Sales.CostCenter}/statement?month={Month(day)}"))
            .AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        var sales = await (await store.ClientFor(Identity.Finance).GetAsync($"/api/cost-centres/{u.Sales.CostCenter}/statement?month={Month(day)}"))
            .AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(160.00m, sales.GetProperty("total").GetDecimal()); // Sales' own rate from the month's first day

        var line = statement.GetProperty("lines")[0].GetProperty("id").GetGuid();
        var dispute = await (await store.ClientFor(u.Marketing).PostJsonAsync($"/api/statement-lines/{line}/dispute", new { reason = "one hour" }))
            .AssertJsonAsync(HttpStatusCode.Created);
        await (await store.ClientFor(u.Marketing).PostJsonAsync($"/api/cost-centres/{u.Marketing.CostCenter}/statement/accept",
            new { month = Month(day) })).AssertProblemAsync(HttpStatusCode.Conflict, "invalid-state"); // a dispute is open
        var disputeId = dispute.GetProperty("id").GetGuid();
        await (await it.PostJsonAsync($"/api/disputes/{disputeId}/resolve", new { outcome = "adjusted", reason = "r" }))
            .AssertValidationErrorAsync("amount");
        var adjusted = await (await it.PostJsonAsync($"/api/disputes/{disputeId}/resolve", new { outcome = "adjusted", amount = 82.50m, reason = "one hour" }))
            .AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal((-41.25m, Month(Today)), (adjusted.GetProperty("adjustment").GetDecimal(), adjusted.GetProperty("adjustmentMonth").GetString()));
        var accepted = await (await store.ClientFor(u.Marketing).PostJsonAsync($"/api/cost-centres/{u.Marketing.CostCenter}/statement/accept",
            new { month = Month(day) })).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("accepted", accepted.GetProperty("status").GetString());
        var now = await (await store.ClientFor(u.Marketing).GetAsync($"/api/cost-centres/{u.Marketing.CostCenter}/statement?month={Month(Today)}"))
            .AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(-41.25m, now.GetProperty("total").GetDecimal());

        var report = await (await store.ClientFor(Identity.Finance).GetAsync($"/api/finance/internal-costs?from={Month(day)}&to={Month(day)}"))
            .AssertJsonAsync(HttpStatusCode.OK);
        var rows = report.GetProperty("rows").EnumerateArray().Where(r => r.GetProperty("service").GetString() == u.Service).ToList();
        Assert.Equal(283.75m, rows.Sum(r => r.GetProperty("amount").GetDecimal()));
        Assert.All(rows, r => Assert.True(r.GetProperty("final").GetBoolean()));
        using var csvRequest = new HttpRequestMessage(HttpMethod.Get, $"/api/finance/internal-costs?from={Month(day)}&to={Month(day)}");
        csvRequest.Headers.Accept.ParseAdd("text/csv");
        using var csv = await store.ClientFor(Identity.Finance).SendAsync(csvRequest);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var text = await csv.Content.ReadAsStringAsync();
        Assert.StartsWith("month,consumer,", text, StringComparison.Ordinal);
        Assert.Contains($"{u.Marketing.CostCenter}", text, StringComparison.Ordinal);
        await (await store.ClientFor(Identity.Finance).GetAsync("/api/finance/internal-costs?from=2026-11&to=2026-01"))
            .AssertValidationErrorAsync("to");
    }

    [Fact]
    public async Task Many_finance_callers_closing_one_month_close_it_once()
    {
        var u = await CompanyAsync();
        for (var i = 0; i < 6; i++)
            await (await UseAsync(u.It, u.Service, (i % 2 == 0 ? u.Marketing : u.Sales).CostCenter!, 1.25m, LastMonth.AddDays(i)))
                .AssertJsonAsync(HttpStatusCode.Created);

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            using var response = await CloseAsync(u.Company, LastMonth);
            return await response.AssertJsonAsync(HttpStatusCode.OK);
        }));

        Assert.Single(answers, a => !a.GetProperty("alreadyClosed").GetBoolean());
        Assert.Single(answers.Select(a => a.GetProperty("closedAt").GetDateTimeOffset()).Distinct());
        Assert.Equal(6, (await JournalsAsync(u.Company)).Count);
        Assert.Equal(6 * Math.Round(1.25m * 82.50m, 2, MidpointRounding.AwayFromZero), (await JournalsAsync(u.Company)).Sum(e => e.Amount));
    }

    [Fact]
    public async Task An_entry_racing_the_close_is_either_in_it_priced_and_posted_once_or_refused_as_period_closed()
    {
        var u = await CompanyAsync(rate: 10m);
        await (await UseAsync(u.It, u.Service, u.Marketing.CostCenter!, 1m, LastMonth)).AssertJsonAsync(HttpStatusCode.Created);

        var entries = Enumerable.Range(0, 12).Select(i => UseAsync(u.It, u.Service, u.Marketing.CostCenter!, 1m, LastMonth.AddDays(i % 28))).ToList();
        var close = CloseAsync(u.Company, LastMonth);
        var statuses = new List<HttpStatusCode>();
        foreach (var entry in entries)
        {
            using var response = await entry;
            if (response.StatusCode == HttpStatusCode.Conflict)
                await response.AssertProblemAsync(HttpStatusCode.Conflict, "period-closed");
            else
                await response.AssertJsonAsync(HttpStatusCode.Created);
            statuses.Add(response.StatusCode);
        }

        var closed = await (await close).AssertJsonAsync(HttpStatusCode.OK);
        var recorded = 1 + statuses.Count(s => s == HttpStatusCode.Created);
        Assert.Equal(recorded, closed.GetProperty("entriesPriced").GetInt32());
        var journals = await JournalsAsync(u.Company);
        Assert.Equal(recorded, journals.Count);
        Assert.Equal(recorded, journals.Select(j => j.UsageEntryId).Distinct().Count());
        var usage = await (await store.ClientFor(u.It).GetAsync($"/api/usage?month={Month(LastMonth)}")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.True(usage.GetProperty("closed").GetBoolean());
        Assert.All(usage.GetProperty("entries").EnumerateArray(), e => Assert.True(e.GetProperty("priced").GetBoolean()));
        Assert.Equal(recorded * 10m, usage.GetProperty("amount").GetDecimal());
    }
}

public sealed class InternalServiceApiTestsOnSqlite(SqliteStoreFactory store) : InternalServiceApiTests(store), IClassFixture<SqliteStoreFactory>;

public sealed class InternalServiceApiTestsOnPostgres(PostgresStoreFactory store) : InternalServiceApiTests(store), IClassFixture<PostgresStoreFactory>;

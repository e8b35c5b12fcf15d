using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InternalStore.Api.Tests.Infrastructure;
using InternalStore.Application.Common;
using InternalStore.Application.Support;
using InternalStore.Domain.People;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace InternalStore.Api.Tests.Checkout;

/// <summary>
/// The help desk over HTTP on both databases: a buyer's case links only what is theirs (404 otherwise), lands
/// in its team's queue of the buyer's company, never shows internal notes to the requester nor a case to
/// anyone else, moves through its states (a reply reopens it), is rated once solved; calendars per company.
/// </summary>
public abstract class SupportApiTests(StoreFactory store)
{
    private readonly CheckoutScenario _given = new(store);
    private static readonly Identity OtherEmployee = new("E1002", [Roles.Employee]);
    private static readonly Identity XyzCatalog = new("C2001", [Roles.Catalog], "XYZ");
    private static readonly string[] Monday = ["mon"];
    private static readonly string[] Weekdays = ["mon", "tue", "wed", "thu", "fri"];
    private static readonly string[] ChristmasHolidays = ["2026-12-24", "2026-12-25"];

    private Task<HttpResponseMessage> OpenAsync(Identity who, object body, string? key = null) =>
        store.ClientFor(who).SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/cases")
        {
            Headers = { { "Idempotency-Key", key ?? Guid.NewGuid().ToString() } },
            Content = JsonContent.Create(body),
        });

    private static object Body(string category, string subject, params object[] links) =>
        new { category, priority = "high", subject, message = "It has not arrived.", links };

    private async Task<List<string>> QueueAsync(Identity who) =>
        (await (await store.ClientFor(who).GetAsync("/api/cases")).AssertJsonAsync(HttpStatusCode.OK)).EnumerateArray()
        .Select(c => c.GetProperty("subject").GetString()!).ToList();

    [Fact]
    public async Task A_case_links_only_the_requester_s_own_things_and_lands_in_its_team_s_queue_of_the_requester_s_company()
    {
        var sku = await _given.NewProductAsync();
        var mine = (await _given.PlaceAsync(Identity.Employee, (sku, 1))).Id();
        var theirs = (await _given.PlaceAsync(OtherEmployee, (sku, 1))).Id();
        var subject = "Parcel " + Guid.NewGuid().ToString("N")[..6];
        var key = Guid.NewGuid().ToString();

        var opened = await (await OpenAsync(Identity.Employee, Body("order", subject, new { type = "order", id = mine },
            new { type = "order-line", id = $"{mine}/{sku}" }), key)).AssertJsonAsync(HttpStatusCode.Created);
        var replay = await (await OpenAsync(Identity.Employee, Body("order", subject, new { type = "order", id = mine },
            new { type = "order-line", id = $"{mine}/{sku}" }), key)).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(opened.GetProperty("id").GetGuid(), replay.GetProperty("id").GetGuid());
        Assert.Equal(("new", "storeOperations", "ABC"), (opened.GetProperty("state").GetString(), opened.GetProperty("team").GetString(),
            opened.GetProperty("company").GetString()));
        Assert.True(opened.GetProperty("firstResponseDue").GetDateTimeOffset() > opened.GetProperty("createdAt").GetDateTimeOffset());
        await (await OpenAsync(Identity.Employee, Body("order", subject), key)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "idempotency-key-reused");

        var before = await StoreRows.CountAsync(store);
        await (await OpenAsync(Identity.Employee, Body("order", "not mine", new { type = "order", id = theirs }))).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await OpenAsync(Identity.Employee, Body("order", "no line", new { type = "order-line", id = $"{mine}/NOPE" }))).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await OpenAsync(Identity.Employee, Body("order", "x", new { type = "parcel", id = mine }))).AssertValidationErrorAsync("links[0].type");
        await (await OpenAsync(Identity.Employee, Body("gossip", "x"))).AssertValidationErrorAsync("category");
        Assert.Equal(before, await StoreRows.CountAsync(store)); // a refused case leaves nothing behind

        Assert.Contains(subject, await QueueAsync(Identity.Catalog));
        Assert.DoesNotContain(subject, await QueueAsync(Identity.Hr)); // an order case is store operations', not HR's
        Assert.DoesNotContain(subject, await QueueAsync(XyzCatalog)); // another company's store operations
        Assert.DoesNotContain(subject, await QueueAsync(OtherEmployee));
        var id = opened.GetProperty("id").GetGuid();
        await (await store.ClientFor(XyzCatalog).GetAsync($"/api/cases/{id}")).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await store.ClientFor(OtherEmployee).GetAsync($"/api/cases/{id}")).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task Internal_notes_stay_with_staff_a_reply_reopens_a_pending_case_and_a_solved_one_is_rated()
    {
        var opened = await (await OpenAsync(Identity.Employee, Body("payrollDeduction", "Deducted twice"))).AssertJsonAsync(HttpStatusCode.Created);
        Assert.Equal("finance", opened.GetProperty("team").GetString());
        var id = opened.GetProperty("id").GetGuid();
        var finance = store.ClientFor(Identity.Finance);
        var me = store.ClientFor(Identity.Employee);

        await (await finance.PostJsonAsync($"/api/cases/{id}/messages", new { text = "Payroll file shows one line; check the bank", @internal = true }))
            .AssertJsonAsync(HttpStatusCode.OK);
        await (await me.PostJsonAsync($"/api/cases/{id}/messages", new { text = "hidden?", @internal = true })).AssertValidationErrorAsync("internal");
        var seen = await (await me.GetAsync($"/api/cases/{id}")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.DoesNotContain("Payroll file", seen.GetRawText(), StringComparison.Ordinal);
        Assert.Equal("new", seen.GetProperty("state").GetString()); // a note is not an answer
        var staffView = await (await finance.GetAsync($"/api/cases/{id}")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Contains("Payroll file", staffView.GetRawText(), StringComparison.Ordinal);

        await (await me.PostJsonAsync($"/api/cases/{id}/state", new { state = "solved" })).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await finance.PostJsonAsync($"/api/cases/{id}/assign", new { to = "F9001" })).AssertJsonAsync(HttpStatusCode.OK);
        await (await finance.PostJsonAsync($"/api/cases/{id}/messages", new { text = "Please send the pay slip" })).AssertJsonAsync(HttpStatusCode.OK);
        var pending = await (await finance.PostJsonAsync($"/api/cases/{id}/state", new { state = "pending" })).AssertJsonAsync(HttpStatusCode.OK);
        Assert.True(pending.GetProperty("paused").GetBoolean());
        Assert.Equal(JsonValueKind.Null, pending.GetProperty("resolutionDue").ValueKind);
        await (await me.PostJsonAsync($"/api/cases/{id}/rating", new { score = 5 })).AssertProblemAsync(HttpStatusCode.Conflict, "invalid-state");
        var reopened = await (await me.PostJsonAsync($"/api/cases/{id}/messages", new { text = "Attached" })).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("open", reopened.GetProperty("state").GetString());
        Assert.False(reopened.GetProperty("paused").GetBoolean());

        await (await finance.PostJsonAsync($"/api/cases/{id}/state", new { state = "solved" })).AssertJsonAsync(HttpStatusCode.OK);
        await (await me.PostJsonAsync($"/api/cases/{id}/rating", new { score = 6 })).AssertValidationErrorAsync("score");
        var rated = await (await me.PostJsonAsync($"/api/cases/{id}/rating", new { score = 4 })).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(4, rated.GetProperty("rating").GetInt32());
        await (await finance.PostJsonAsync($"/api/cases/{id}/state", new { state = "closed" })).AssertJsonAsync(HttpStatusCode.OK);
        await (await me.PostJsonAsync($"/api/cases/{id}/messages", new { text = "one more thing" })).AssertProblemAsync(HttpStatusCode.Conflict, "invalid-state");
        await (await finance.PostJsonAsync($"/api/cases/{id}/state", new { state = "open" })).AssertProblemAsync(HttpStatusCode.Conflict, "invalid-state");
    }

    [Fact]
    public async Task The_team_sees_why_an_order_cost_what_it_did_and_acts_from_the_case_through_the_store_s_own_commands()
    {
        var sku = await _given.NewProductAsync(listPrice: 30.00m);
        var order = (await _given.PlaceAsync(Identity.Employee, (sku, 3))).Id();
        await (await _given.CheckoutAsync(Identity.Employee, order, new { method = "payroll", installments = 3 })).AssertJsonAsync(HttpStatusCode.OK);
        var me = store.ClientFor(Identity.Employee);
        var details = await (await me.GetAsync($"/api/orders/{order}/details")).AssertJsonAsync(HttpStatusCode.OK);
        var schedule = details.GetProperty("payroll");
        var periods = schedule.GetProperty("deductions").EnumerateArray().Select(d => d.GetProperty("period").GetString()!).ToList();
        var opened = await (await OpenAsync(Identity.Employee, Body("payrollDeduction", "Too much in one pay " + sku,
            new { type = "order", id = order }, new { type = "deduction", id = schedule.GetProperty("id").GetGuid() }))).AssertJsonAsync(HttpStatusCode.Created);
        var id = opened.GetProperty("id").GetGuid();
        var finance = store.ClientFor(Identity.Finance);

        var context = await (await finance.GetAsync($"/api/cases/{id}/context")).AssertJsonAsync(HttpStatusCode.OK);
        var linked = Assert.Single(context.GetProperty("orders").EnumerateArray());
        Assert.NotEmpty(linked.GetProperty("details").GetProperty("explanations")[0].EnumerateArray());
        Assert.Equal(JsonValueKind.Object, linked.GetProperty("policy").ValueKind);
        Assert.Equal(3, linked.GetProperty("details").GetProperty("payroll").GetProperty("deductions").GetArrayLength());
        Assert.Equal(JsonValueKind.Object, context.GetProperty("allowance").ValueKind);
        var actions = context.GetProperty("actions").EnumerateArray().Select(a => a.GetString()).ToList();
        Assert.Contains("refund", actions);
        Assert.Contains("move-instalment", actions);
        await (await store.ClientFor(Identity.Catalog).GetAsync($"/api/cases/{id}/context")).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await me.GetAsync($"/api/cases/{id}/context")).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        // The organisation axis: finance of a sister company does not see the case (404); a token of a company outside
        // the organisation is refused before anything is looked up (403).
        foreach (var (outsider, status, code) in new[]
                 {
                     (new Identity("F2001", ["finance"], "XYZ"), HttpStatusCode.NotFound, "not-found"),
                     (new Identity("F7001", ["finance"], "QRS"), HttpStatusCode.Forbidden, "unknown-organisation"),
                 })
        {
            var client = store.ClientFor(outsider);
            var rows = await StoreRows.CountAsync(store);
            await (await client.GetAsync($"/api/cases/{id}/context")).AssertProblemAsync(status, code);
            await (await client.PostJsonAsync($"/api/cases/{id}/actions", new { action = "cancel", order, reason = "not mine" }))
                .AssertProblemAsync(status, code);
            Assert.Equal(rows, await StoreRows.CountAsync(store));
        }

        var other = (await _given.PlaceAsync(Identity.Employee, (sku, 1))).Id();
        var before = await StoreRows.CountAsync(store);
        await (await finance.PostJsonAsync($"/api/cases/{id}/actions", new { action = "cancel", order = other, reason = "not this one" }))
            .AssertProblemAsync(HttpStatusCode.NotFound, "not-found"); // not linked to the case
        await (await finance.PostJsonAsync($"/api/cases/{id}/actions", new { action = "move-instalment", order, from = periods[0], to = "2026-12-16", reason = "x" }))
            .AssertValidationErrorAsync("to");
        Assert.Equal(before, await StoreRows.CountAsync(store));

        var moved = await (await finance.PostJsonAsync($"/api/cases/{id}/actions",
            new { action = "move-instalment", order, from = periods[0], to = periods[2], reason = "spread it out" })).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Contains(moved.GetProperty("case").GetProperty("messages").EnumerateArray(),
            m => m.GetProperty("internal").GetBoolean() && m.GetProperty("text").GetString()!.StartsWith("Action move-instalment", StringComparison.Ordinal));
        var after = await (await me.GetAsync($"/api/orders/{order}/details")).AssertJsonAsync(HttpStatusCode.OK);
        var live = after.GetProperty("payroll").GetProperty("deductions").EnumerateArray().Where(d => d.GetProperty("status").GetString() == "scheduled")
            .Select(d => (d.GetProperty("period").GetString(), d.GetProperty("amount").GetDecimal())).ToList();
        Assert.DoesNotContain(live, d => d.Item1 == periods[0]);
        Assert.Equal(schedule.GetProperty("total").GetDecimal(), live.Sum(d => d.Item2)); // moved, not changed
        Assert.Contains(after.GetProperty("order").GetProperty("history").EnumerateArray(),
            h => h.GetProperty("reason").GetString()!.Contains($"case {id.ToString("N")[..8]}: spread it out", StringComparison.Ordinal));

        var key = Guid.NewGuid().ToString();
        var refund = await (await finance.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/cases/{id}/actions")
        {
            Headers = { { "Idempotency-Key", key } },
            Content = JsonContent.Create(new { action = "refund", order, reason = "one broken", lines = new[] { new { sku, quantity = 1 } } }),
        })).AssertJsonAsync(HttpStatusCode.OK);
        var refundId = Guid.Parse(refund.GetProperty("reference").GetString()!);
        var replay = await (await finance.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/cases/{id}/actions")
        {
            Headers = { { "Idempotency-Key", key } },
            Content = JsonContent.Create(new { action = "refund", order, reason = "one broken", lines = new[] { new { sku, quantity = 1 } } }),
        })).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(refundId.ToString(), replay.GetProperty("reference").GetString());
        Assert.Single(replay.GetProperty("case").GetProperty("messages").EnumerateArray(),
            m => m.GetProperty("text").GetString()!.StartsWith("Action refund", StringComparison.Ordinal)); // noted once
        var refunds = (await (await me.GetAsync($"/api/orders/{order}/details")).AssertJsonAsync(HttpStatusCode.OK)).GetProperty("refunds");
        Assert.Equal(refundId, Assert.Single(refunds.EnumerateArray()).GetProperty("id").GetGuid());
        var seen = await (await me.GetAsync($"/api/cases/{id}")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.DoesNotContain("Action refund", seen.GetRawText(), StringComparison.Ordinal); // the notes are staff's

        var policy = linked.GetProperty("policy");
        var report = await (await finance.GetAsync("/api/support/report")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Contains(report.GetProperty("topCauses").EnumerateArray(), c => c.GetProperty("kind").GetString() == "policy"
            && c.GetProperty("key").GetString() == $"{policy.GetProperty("name").GetString()} v{policy.GetProperty("version").GetInt32()} ({policy.GetProperty("company").GetString()})");
    }

    [Fact]
    public async Task The_report_counts_a_company_s_cases_with_their_attainment_and_top_skus_and_a_solved_case_closes_after_a_week()
    {
        var code = "Q" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        await using (var scope = store.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IStoreDb>();
            db.Companies.Add(new Company(code, "Test company " + code, "ABC"));
            db.CostCenters.Add(new CostCenter($"CC-{code}", "Buying of " + code, code));
            await db.SaveChangesAsync(CancellationToken.None);
        }

        var buyer = new Identity("D-" + code, [Roles.DepartmentBuyer], code, $"CC-{code}");
        var sku = await _given.NewProductAsync();
        var order = (await _given.PlaceAsync(buyer, (sku, 2))).Id();
        var first = (await (await OpenAsync(buyer, Body("order", "Wrong colour", new { type = "order", id = order })))
            .AssertJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await (await OpenAsync(buyer, Body("order", "Also scratched", new { type = "order-line", id = $"{order}/{sku}" }))).AssertJsonAsync(HttpStatusCode.Created);
        await (await OpenAsync(buyer, Body("negotiatedPrice", "Price too high"))).AssertJsonAsync(HttpStatusCode.Created);
        var catalog = store.ClientFor(Identity.Catalog);
        await (await catalog.PostJsonAsync($"/api/cases/{first}/messages", new { text = "A new one is on its way" })).AssertJsonAsync(HttpStatusCode.OK);
        await (await catalog.PostJsonAsync($"/api/cases/{first}/state", new { state = "solved" })).AssertJsonAsync(HttpStatusCode.OK);
        await (await store.ClientFor(buyer).PostJsonAsync($"/api/cases/{first}/rating", new { score = 5 })).AssertJsonAsync(HttpStatusCode.OK);

        var report = await (await catalog.GetAsync("/api/support/report")).AssertJsonAsync(HttpStatusCode.OK);
        var row = Assert.Single(report.GetProperty("volume").EnumerateArray(), v => v.GetProperty("company").GetString() == code);
        Assert.Equal(("order", 2, 1, 2), (row.GetProperty("category").GetString(), row.GetProperty("cases").GetInt32(),
            row.GetProperty("solved").GetInt32(), row.GetProperty("firstResponseMet").GetInt32()));
        Assert.Equal(1, row.GetProperty("resolutionMet").GetInt32());
        Assert.Equal(5m, row.GetProperty("averageRating").GetDecimal());
        Assert.Contains(report.GetProperty("topCauses").EnumerateArray(), c => c.GetProperty("key").GetString() == sku && c.GetProperty("cases").GetInt32() == 2);
        var financeReport = await (await store.ClientFor(Identity.Finance).GetAsync("/api/support/report")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("negotiatedPrice", Assert.Single(financeReport.GetProperty("volume").EnumerateArray(),
            v => v.GetProperty("company").GetString() == code).GetProperty("category").GetString()); // each team its own cases
        await (await catalog.GetAsync("/api/support/report?from=2026-12-10&to=2026-12-01")).AssertValidationErrorAsync("to");

        await using (var scope = store.Services.CreateAsyncScope())
        {
            var sender = scope.ServiceProvider.GetRequiredService<ISender>();
            await sender.Send(new CloseSolvedCasesCommand(DateTimeOffset.UtcNow.AddDays(6), 200));
            Assert.Equal("solved", (await (await catalog.GetAsync($"/api/cases/{first}")).AssertJsonAsync(HttpStatusCode.OK)).GetProperty("state").GetString());
            await sender.Send(new CloseSolvedCasesCommand(DateTimeOffset.UtcNow.AddDays(7).AddMinutes(1), 200));
        }

        Assert.Equal("closed", (await (await catalog.GetAsync($"/api/cases/{first}")).AssertJsonAsync(HttpStatusCode.OK)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_company_s_calendar_is_its_staff_s_to_set_and_prices_its_targets()
    {
        var hr = store.ClientFor(new Identity("H2001", [Roles.Hr], "XYZ"));
        var standard = await (await hr.GetAsync("/api/support/calendars/XYZ")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(("UTC", false), (standard.GetProperty("timeZone").GetString(), standard.GetProperty("custom").GetBoolean()));

        await (await hr.PutAsJsonAsync("/api/support/calendars/XYZ", new { timeZone = "Mars/Olympus", workingDays = Monday, opens = "09:00", closes = "17:00" }))
            .AssertValidationErrorAsync("timeZone");
        await (await hr.PutAsJsonAsync("/api/support/calendars/XYZ", new { timeZone = "UTC", workingDays = Monday, opens = "17:00", closes = "09:00" }))
            .AssertValidationErrorAsync("closes");
        var set = await (await hr.PutAsJsonAsync("/api/support/calendars/XYZ", new
        {
            timeZone = "Europe/Berlin", workingDays = Weekdays, opens = "08:00", closes = "16:00",
            holidays = ChristmasHolidays,
        })).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(("Europe/Berlin", true, 2), (set.GetProperty("timeZone").GetString(), set.GetProperty("custom").GetBoolean(),
            set.GetProperty("holidays").GetArrayLength()));
        await (await hr.GetAsync("/api/support/calendars/ABC")).AssertProblemAsync(HttpStatusCode.NotFound, "not-found"); // not XYZ's to see
        await (await store.ClientFor(Identity.GroupHr).GetAsync("/api/support/calendars/XYZ")).AssertJsonAsync(HttpStatusCode.OK);
        await (await store.ClientFor(Identity.Employee).GetAsync("/api/support/calendars/ABC")).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }
}

public sealed class SupportApiTestsOnSqlite(SqliteStoreFactory store) : SupportApiTests(store), IClassFixture<SqliteStoreFactory>;

public sealed class SupportApiTestsOnPostgres(PostgresStoreFactory store) : SupportApiTests(store), IClassFixture<PostgresStoreFactory>;

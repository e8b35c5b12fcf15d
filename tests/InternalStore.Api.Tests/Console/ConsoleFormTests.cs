using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using InternalStore.Api.Tests.Checkout;
using InternalStore.Api.Tests.Infrastructure;
using InternalStore.Load.Harness;

namespace InternalStore.Api.Tests.Console;

/// <summary>The console's forms send the API's commands: same rules, same results, seen through the API.</summary>
public sealed partial class ConsoleFormTests(SqliteStoreFactory store) : IClassFixture<SqliteStoreFactory>
{
    [Fact]
    public async Task A_roster_larger_than_the_usual_body_limit_imports_from_the_browser()
    {
        using var hr = await ConsoleSession.SignInAsync(store, "H9001");
        var prefix = "W" + Guid.NewGuid().ToString("N")[..5].ToUpperInvariant();
        var csv = new StringBuilder("id,name,email,company,costCenter,grade,hireDate,status,terminationDate,notes\n");
        for (var i = 0; i < 12_000; i++)
            csv.Append($"{prefix}{i:D5},Worker {i},{prefix.ToLowerInvariant()}{i}@abc.example,ABC,CC-1000,3,2021-03-04,active,,{new string('x', 60)}\n");
        Assert.True(csv.Length > 1024 * 1024);

        var page = await hr.Client.GetStringAsync("/console/hr/people/import");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(ConsoleTimings.AntiforgeryTokenOf(page)), "__RequestVerificationToken" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(csv.ToString())) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } }, "file", "roster.csv" },
        };
        using var response = await hr.Client.PostAsync("/console/hr/people/import", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("12000 rows: 12000 created", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var roster = await (await store.ClientFor(Identity.Hr).GetAsync($"/api/employees?q={prefix.ToLowerInvariant()}&pageSize=1"))
            .AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(12_000, roster.GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task Finance_marks_an_invoice_settled_and_the_order_is_paid()
    {
        var given = new CheckoutScenario(store);
        var sku = await given.NewProductAsync();
        var order = await given.PlaceAsync(Identity.AffiliateBuyer, (sku, 2));
        var invoiced = await (await given.CheckoutAsync(Identity.AffiliateBuyer, order.Id(), new { method = "invoice" })).AssertJsonAsync(HttpStatusCode.OK);
        var invoice = invoiced.GetProperty("details");

        using var finance = await ConsoleSession.SignInAsync(store, "F9001");
        using var settled = await finance.PostFormAsync("/console/finance/invoices?status=open", "/console/finance/invoices?handler=Settle",
            new() { ["id"] = invoice.GetProperty("id").GetString()! });

        Assert.Equal(HttpStatusCode.Redirect, settled.StatusCode);
        Assert.Contains($"Invoice {invoice.GetProperty("number").GetString()} marked settled", await finance.Client.GetStringAsync("/console/finance/invoices"),
            StringComparison.Ordinal);
        Assert.Equal("paid", (await given.OrderAsync(order.Id())).Status());
        // Settling twice is the domain's conflict, shown on the page, not an error page.
        using var again = await finance.PostFormAsync("/console/finance/invoices", "/console/finance/invoices?handler=Settle",
            new() { ["id"] = invoice.GetProperty("id").GetString()! });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("class=\"errors", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_markup_out_of_range_is_named_beside_its_field_and_nothing_is_saved()
    {
        using var finance = await ConsoleSession.SignInAsync(store, "F9001");
        var before = await (await store.ClientFor(Identity.Finance).GetAsync("/api/finance/transfer-pricing")).AssertJsonAsync(HttpStatusCode.OK);

        using var response = await finance.PostFormAsync("/console/finance/transfer-pricing", "/console/finance/transfer-pricing",
            new() { ["DefaultMarkupPercent"] = "2000", ["IntercompanyMarkupPercent"] = "8", ["CategoryMarkups[0].Category"] = "office",
                ["CategoryMarkups[0].MarkupPercent"] = "lots" });

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("&#x27;lots&#x27; is not a number.", html, StringComparison.Ordinal);
        var after = await (await store.ClientFor(Identity.Finance).GetAsync("/api/finance/transfer-pricing")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(before.GetRawText(), after.GetRawText());

        using var outOfRange = await finance.PostFormAsync("/console/finance/transfer-pricing", "/console/finance/transfer-pricing",
            new() { ["DefaultMarkupPercent"] = "2000", ["IntercompanyMarkupPercent"] = "8" });
        Assert.Matches(FieldError(), await outOfRange.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Hr_terminates_a_person_from_their_page_who_is_then_priced_as_external_and_the_change_is_audited()
    {
        var id = "T" + Guid.NewGuid().ToString("N")[..7].ToUpperInvariant();
        var roster = $"id,name,email,company,costCenter,grade,hireDate,status,terminationDate\n{id},Terry Leaver,{id.ToLowerInvariant()}@abc.example,ABC,CC-1000,6,2015-05-04,active,\n";
        (await store.ClientFor(Identity.Hr).PostAsync("/api/employees/import", new StringContent(roster, Encoding.UTF8, "text/csv"))).EnsureSuccessStatusCode();
        using var hr = await ConsoleSession.SignInAsync(store, "H9001");
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Dictionary<string, string> Form(string grade, string status, string left) => new()
        {
            ["Form.Name"] = "Terry Leaver", ["Form.Email"] = $"{id.ToLowerInvariant()}@abc.example", ["Form.CostCenter"] = "CC-1000",
            ["Form.Grade"] = grade, ["Form.Status"] = status, ["Form.HireDate"] = "2015-05-04", ["Form.TerminationDate"] = left,
        };

        using var refused = await hr.PostFormAsync($"/console/hr/people/{id}", $"/console/hr/people/{id}", Form("six", "terminated", ""));
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("&#x27;six&#x27; is not a whole number", page, StringComparison.Ordinal);
        using var saved = await hr.PostFormAsync($"/console/hr/people/{id}", $"/console/hr/people/{id}", Form("6", "terminated", today));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var person = await hr.Client.GetStringAsync($"/console/hr/people/{id}");
        Assert.Contains("Priced as <strong>external</strong>", person, StringComparison.Ordinal);
        Assert.Contains("<td>status</td><td>active</td><td>terminated</td>", person, StringComparison.Ordinal);
        var employee = await (await store.ClientFor(Identity.Hr).GetAsync($"/api/employees/{id}")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("terminated", employee.GetProperty("status").GetString());
    }

    [GeneratedRegex("name=\"DefaultMarkupPercent\"[^>]*></label>\\s*<span class=\"field-error\">[^<]*between 0 and 1000")]
    private static partial Regex FieldError();
}

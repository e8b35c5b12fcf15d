using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using InternalStore.Api.Tests.Infrastructure;
using InternalStore.Application.Access;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace InternalStore.Api.Tests;

/// <summary>Quotes for every kind of caller, priced on the server from the demo policy.</summary>
public abstract class PricingApiTests(StoreFactory store)
{
    private static object Cart(params (string Sku, long Quantity)[] lines) =>
        new { lines = lines.Select(l => new { sku = l.Sku, quantity = l.Quantity }) };

    private static JsonElement Line(JsonElement quote, string sku) =>
        quote.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("sku").GetString() == sku);

    [Fact]
    public async Task A_gold_employee_gets_the_policy_price_with_explanations_and_a_token()
    {
        var response = await store.ClientFor(new Identity("E1002", ["employee"])).PostJsonAsync("/api/quotes",
            Cart(("LAP-13", 1), ("COF-1K", 2)));

        var quote = await response.AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("employee", quote.GetProperty("pricedAs").GetString());
        Assert.Equal(1169.10m, Line(quote, "LAP-13").GetProperty("unitPrice").GetDecimal());
        Assert.Equal(11.76m, Line(quote, "COF-1K").GetProperty("unitPrice").GetDecimal()); // raised to the floor
        Assert.Equal(1169.10m + 23.52m, quote.GetProperty("subtotal").GetDecimal());
        Assert.Equal(129.90m + 13.98m, quote.GetProperty("allowanceConsumed").GetDecimal());
        var coffeeSteps = Line(quote, "COF-1K").GetProperty("explanation").EnumerateArray()
            .Select(s => s.GetProperty("kind").GetString()).ToList();
        Assert.Equal(["listPrice", "tier", "promotion", "floor", "allowance"], coffeeSteps);
        Assert.Contains(".", quote.GetProperty("quoteToken").GetString(), StringComparison.Ordinal);
        var expires = quote.GetProperty("expiresAt").GetDateTimeOffset();
        Assert.InRange(expires - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(16));
        Assert.Contains("\"unitPrice\":1169.10", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_storefront_key_gets_the_external_price_whatever_it_sends()
    {
        var client = store.ClientWithApiKey(await CreateKeyAsync());
        var body = """
            {"buyer":{"kind":"employee","grade":9},"role":"employee","pricedAs":"employee",
             "lines":[{"sku":"LAP-13","quantity":1,"unitPrice":1.00,"lineTotal":1.00}]}
            """;

        var quote = await (await client.PostAsync("/api/quotes", new StringContent(body, Encoding.UTF8, "application/json")))
            .AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal("external", quote.GetProperty("pricedAs").GetString());
        Assert.Equal(1299.00m, Line(quote, "LAP-13").GetProperty("unitPrice").GetDecimal());
        Assert.Equal(0m, quote.GetProperty("allowanceConsumed").GetDecimal());
    }

    [Theory]
    [InlineData("E1003")] // on probation
    [InlineData("E1004")] // terminated
    public async Task An_ineligible_employee_is_priced_as_external(string subject)
    {
        var quote = await (await store.ClientFor(new Identity(subject, ["employee"])).PostJsonAsync("/api/quotes",
            Cart(("DSL-12", 1)))).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal("external", quote.GetProperty("pricedAs").GetString());
        Assert.Equal(480.00m, Line(quote, "DSL-12").GetProperty("unitPrice").GetDecimal());
    }

    [Fact]
    public async Task A_department_buyer_pays_the_transfer_price()
    {
        var quote = await (await store.ClientFor(Identity.DepartmentBuyer).PostJsonAsync("/api/quotes",
            Cart(("LAP-13", 2), ("CLR-99", 3)))).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal("department", quote.GetProperty("pricedAs").GetString());
        Assert.Equal(978.50m, Line(quote, "LAP-13").GetProperty("unitPrice").GetDecimal()); // cost + 3 % electronics
        Assert.Equal(9.99m, Line(quote, "CLR-99").GetProperty("unitPrice").GetDecimal()); // never above list
    }

    [Fact]
    public async Task An_affiliate_buyer_pays_the_intercompany_price()
    {
        var quote = await (await store.ClientFor(Identity.AffiliateBuyer).PostJsonAsync("/api/quotes",
            Cart(("DSL-12", 5)))).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal("affiliate", quote.GetProperty("pricedAs").GetString());
        Assert.Equal(205.20m, Line(quote, "DSL-12").GetProperty("unitPrice").GetDecimal());
        Assert.Equal(1026.00m, quote.GetProperty("subtotal").GetDecimal());
    }

    [Fact]
    public async Task Quantity_limits_are_reported_as_violations()
    {
        var quote = await (await store.ClientFor(Identity.Employee).PostJsonAsync("/api/quotes",
            Cart(("LAP-13", 2)))).AssertJsonAsync(HttpStatusCode.OK);

        var violation = Assert.Single(quote.GetProperty("violations").EnumerateArray());
        Assert.Equal("quantity-limit", violation.GetProperty("rule").GetString());
        Assert.Equal(1, violation.GetProperty("remaining").GetInt32());
    }

    public static TheoryData<string, string, string> BadCarts => new()
    {
        { "{\"lines\":[{\"sku\":\"LAP-13\",\"quantity\":1}", "lines[1]", "validation" },
        { "{\"lines\":[]}", "lines", "validation" },
        { "{}", "lines", "validation" },
        { "{\"lines\":[{\"sku\":\"LAP-13\",\"quantity\":0}]}", "lines[0].quantity", "invalid-quantity" },
        { "{\"lines\":[{\"sku\":\"LAP-13\",\"quantity\":-1}]}", "lines[0].quantity", "invalid-quantity" },
        { "{\"lines\":[{\"sku\":\"LAP-13\",\"quantity\":1000000000}]}", "lines[0].quantity", "invalid-quantity" },
        { "{\"lines\":[{\"sku\":\"LAP-13\",\"quantity\":1e9}]}", "lines[0].quantity", "validation" },
        { "{\"lines\":[{\"sku\":\"LAP-13\",\"quantity\":1.5}]}", "lines[0].quantity", "validation" },
        { "{\"lines\":[{\"sku\":\"LAP-13\",\"quantity\":\"2\"}]}", "lines[0].quantity", "validation" },
        { "{\"lines\":[{\"sku\":\"LAP-13\",\"quantity\":1},{\"sku\":\"NOPE\",\"quantity\":1}]}", "lines[1].sku", "unknown-sku" },
        { "{\"lines\":[{\"sku\":\"LAP-13\",\"quantity\":1},{\"sku\":\"LAP-13\",\"quantity\":2}]}", "lines[1].sku", "duplicate-sku" },
        { "{\"lines\":[{\"quantity\":1}]}", "lines[0].sku", "validation" },
    };

    [Theory]
    [MemberData(nameof(BadCarts))]
    public async Task A_bad_cart_is_a_400_naming_the_line(string body, string field, string code)
    {
        var response = await store.ClientFor(Identity.Employee)
            .PostAsync("/api/quotes", new StringContent(body, Encoding.UTF8, "application/json"));

        await response.AssertValidationErrorAsync(field, code);
    }

    [Fact]
    public async Task More_than_500_lines_is_a_400()
    {
        var lines = Enumerable.Range(0, 501).Select(i => ($"SKU-{i}", 1L)).ToArray();

        var response = await store.ClientFor(Identity.Employee).PostJsonAsync("/api/quotes", Cart(lines));

        await response.AssertValidationErrorAsync("lines");
    }

    [Fact]
    public async Task The_allowance_shows_the_cap_and_tier_in_force()
    {
        var allowance = await (await store.ClientFor(Identity.Employee).GetAsync("/api/me/allowance"))
            .AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal(1500.00m, allowance.GetProperty("cap").GetDecimal());
        Assert.Equal(1500.00m, allowance.GetProperty("remaining").GetDecimal());
        Assert.Equal("silver", allowance.GetProperty("tier").GetString());
        Assert.Equal(2, allowance.GetProperty("quantityLimits").GetArrayLength());
    }

    [Fact]
    public async Task Me_says_which_tier_is_in_force_and_why()
    {
        var me = await (await store.ClientFor(new Identity("E1002", ["employee"])).GetAsync("/api/me")).AssertJsonAsync(HttpStatusCode.OK);
        var probation = await (await store.ClientFor(new Identity("E1003", ["employee"])).GetAsync("/api/me")).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal("E1002", me.GetProperty("profile").GetProperty("id").GetString());
        Assert.Equal("gold", me.GetProperty("tier").GetString());
        Assert.Contains("grade 8 >= 7", me.GetProperty("why").GetString(), StringComparison.Ordinal);
        Assert.Equal("external", probation.GetProperty("pricedAs").GetString());
        Assert.Contains("probation", probation.GetProperty("why").GetString(), StringComparison.Ordinal);
        await (await store.ClientFor(new Identity("NOBODY", ["employee"])).GetAsync("/api/me"))
            .AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    [Theory]
    [InlineData("hr")]
    [InlineData("department-buyer")]
    public async Task The_allowance_is_for_employees_only(string role)
    {
        var response = await store.ClientFor(new Identity("X1", [role])).GetAsync("/api/me/allowance");

        await response.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Quotes_need_credentials()
    {
        var response = await store.ClientFor(null).PostJsonAsync("/api/quotes", Cart(("LAP-13", 1)));

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    private async Task<string> CreateKeyAsync()
    {
        await using var scope = store.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<ISender>().Send(new CreateApiKeyCommand("quotes"))).Secret;
    }
}

public sealed class PricingApiTestsOnSqlite(SqliteStoreFactory store) : PricingApiTests(store), IClassFixture<SqliteStoreFactory>;

public sealed class PricingApiTestsOnPostgres(PostgresStoreFactory store) : PricingApiTests(store), IClassFixture<PostgresStoreFactory>;

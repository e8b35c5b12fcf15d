using System.Net;
using System.Net.Http.Json;
using System.Text;
using InternalStore.Api.Tests.Infrastructure;

namespace InternalStore.Api.Tests;

/// <summary>The catalog routes of api.md, run once per database provider.</summary>
public abstract class CatalogApiTests(StoreFactory store)
{
    private static object NewProduct(string sku, decimal listPrice = 10.00m, string name = "Test product") => new
    {
        sku, name, description = "made by a test", category = "office", listPrice, unitCost = 4.25m,
        currency = "USD", employeeDiscount = true, active = true, stockOnHand = 5,
    };

    private static string UniqueSku() => "T-" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();

    [Fact]
    public async Task The_demo_catalog_is_served_in_pages_to_any_employee()
    {
        var client = store.ClientFor(Identity.Employee);

        var page = await (await client.GetAsync("/api/products?pageSize=20")).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal(20, page.GetProperty("items").GetArrayLength());
        Assert.True(page.GetProperty("totalCount").GetInt32() >= 40);
        var second = await (await client.GetAsync("/api/products?page=2&pageSize=20")).AssertJsonAsync(HttpStatusCode.OK);
        var firstSkus = page.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("sku").GetString());
        var secondSkus = second.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("sku").GetString());
        Assert.Empty(firstSkus.Intersect(secondSkus));
    }

    [Fact]
    public async Task Category_filter_and_name_search_narrow_the_catalog()
    {
        var client = store.ClientFor(Identity.Employee);

        var apparel = await (await client.GetAsync("/api/products?category=apparel&pageSize=100")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.NotEmpty(apparel.GetProperty("items").EnumerateArray());
        Assert.All(apparel.GetProperty("items").EnumerateArray(),
            p => Assert.Equal("apparel", p.GetProperty("category").GetString()));

        var laptops = await (await client.GetAsync("/api/products?q=LAPTOP&pageSize=100")).AssertJsonAsync(HttpStatusCode.OK);
        var skus = laptops.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("sku").GetString()).ToList();
        Assert.Contains("LAP-13", skus);
        Assert.DoesNotContain("TSH-01", skus);
    }

    [Fact]
    public async Task An_unknown_category_filter_is_an_empty_page_not_an_error()
    {
        var page = await (await store.ClientFor(Identity.Employee).GetAsync("/api/products?category=no-such-thing"))
            .AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal(0, page.GetProperty("items").GetArrayLength());
        Assert.Equal(0, page.GetProperty("totalCount").GetInt32());
    }

    [Theory]
    [InlineData("page=0", "page")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=1000", "pageSize")]
    [InlineData("page=abc", "page")]
    public async Task Bad_paging_is_a_400_naming_the_parameter(string query, string field)
    {
        var response = await store.ClientFor(Identity.Employee).GetAsync($"/api/products?{query}");

        if (field == "page" && query.EndsWith("abc", StringComparison.Ordinal))
            await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        else
            await response.AssertValidationErrorAsync(field);
    }

    [Fact]
    public async Task Money_is_written_with_the_currency_minor_unit_precision()
    {
        var body = await store.ClientFor(Identity.Employee).GetStringAsync("/api/products/LAP-13");

        Assert.Contains("\"listPrice\":1299.00", body, StringComparison.Ordinal);
        Assert.Contains("\"currency\":\"USD\"", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("employee")]
    [InlineData("hr")]
    [InlineData("department-buyer")]
    [InlineData("affiliate-buyer")]
    public async Task Unit_cost_is_hidden_from_callers_without_catalog_or_finance(string role)
    {
        var client = store.ClientFor(new Identity("P1", [role], CostCenter: role == "department-buyer" ? "CC-1200" : null,
            Affiliate: role == "affiliate-buyer" ? "XYZ" : null));

        var one = await client.GetStringAsync("/api/products/LAP-13");
        var page = await client.GetStringAsync("/api/products?pageSize=100");

        Assert.DoesNotContain("unitCost", one, StringComparison.Ordinal);
        Assert.DoesNotContain("unitCost", page, StringComparison.Ordinal);
        // No number anywhere in the product is its unit cost (950.00); a timestamp may contain "950" as text.
        Assert.DoesNotContain(System.Text.Json.JsonDocument.Parse(one).RootElement.EnumerateObject(),
            p => p.Value.ValueKind == System.Text.Json.JsonValueKind.Number && p.Value.GetDecimal() == 950.00m);
    }

    [Theory]
    [InlineData("catalog")]
    [InlineData("finance")]
    public async Task Catalog_and_finance_see_the_unit_cost(string role)
    {
        var product = await (await store.ClientFor(new Identity("P2", [role])).GetAsync("/api/products/LAP-13"))
            .AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal(950.00m, product.GetProperty("unitCost").GetDecimal());
    }

    [Fact]
    public async Task An_unknown_sku_is_404_on_read_update_and_stock()
    {
        var client = store.ClientFor(Identity.Catalog);

        await (await client.GetAsync("/api/products/NO-SUCH-SKU")).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await client.PutAsJsonAsync("/api/products/NO-SUCH-SKU", NewProduct("NO-SUCH-SKU")))
            .AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await client.PostJsonAsync("/api/products/NO-SUCH-SKU/stock", new { delta = 1, reason = "count" }))
            .AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task Catalog_creates_a_product_and_everyone_can_read_it()
    {
        var sku = UniqueSku();

        var created = await store.ClientFor(Identity.Catalog).PostJsonAsync("/api/products", NewProduct(sku, 19.90m));

        var body = await created.AssertJsonAsync(HttpStatusCode.Created);
        Assert.Equal($"/api/products/{sku}", created.Headers.Location?.OriginalString);
        Assert.Equal(19.90m, body.GetProperty("listPrice").GetDecimal());
        var read = await (await store.ClientFor(Identity.Employee).GetAsync($"/api/products/{sku}"))
            .AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Test product", read.GetProperty("name").GetString());
        Assert.Equal(5, read.GetProperty("stockOnHand").GetInt32());
    }

    [Fact]
    public async Task Repeating_a_creation_replays_it_and_a_different_product_on_the_same_sku_is_a_conflict()
    {
        var client = store.ClientFor(Identity.Catalog);
        var sku = UniqueSku();
        await (await client.PostJsonAsync("/api/products", NewProduct(sku))).AssertJsonAsync(HttpStatusCode.Created);

        await (await client.PostJsonAsync("/api/products", NewProduct(sku))).AssertJsonAsync(HttpStatusCode.OK);
        await (await client.PostJsonAsync("/api/products", NewProduct(sku, 99.00m)))
            .AssertProblemAsync(HttpStatusCode.Conflict, "duplicate-sku");
    }

    [Fact]
    public async Task Concurrent_creations_of_one_sku_create_one_product()
    {
        var sku = UniqueSku();
        var clients = Enumerable.Range(0, 8).Select(_ => store.ClientFor(Identity.Catalog)).ToList();

        var responses = await Task.WhenAll(clients.Select(c => c.PostJsonAsync("/api/products", NewProduct(sku))));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK,
            $"unexpected {(int)r.StatusCode}"));
    }

    [Fact]
    public async Task Catalog_updates_a_product()
    {
        var client = store.ClientFor(Identity.Catalog);
        var sku = UniqueSku();
        await client.PostJsonAsync("/api/products", NewProduct(sku));

        var updated = await (await client.PutAsJsonAsync($"/api/products/{sku}", new
        {
            name = "Renamed", category = "home", listPrice = 12.50m, unitCost = 5m, currency = "USD", active = false,
        })).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal("Renamed", updated.GetProperty("name").GetString());
        Assert.Equal(12.50m, updated.GetProperty("listPrice").GetDecimal());
        Assert.False(updated.GetProperty("active").GetBoolean());
        // An inactive product disappears for buyers but stays visible to the catalog team.
        await (await store.ClientFor(Identity.Employee).GetAsync($"/api/products/{sku}"))
            .AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await client.GetAsync($"/api/products/{sku}")).AssertJsonAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_negative_price_is_a_400_naming_listPrice()
    {
        var response = await store.ClientFor(Identity.Catalog).PostJsonAsync("/api/products", NewProduct(UniqueSku(), -1m));

        await response.AssertValidationErrorAsync("listPrice");
    }

    [Fact]
    public async Task An_empty_sku_is_a_400_naming_sku()
    {
        var response = await store.ClientFor(Identity.Catalog).PostJsonAsync("/api/products", NewProduct(""));

        await response.AssertValidationErrorAsync("sku");
    }

    [Fact]
    public async Task A_ten_thousand_character_name_is_a_400_naming_name()
    {
        var response = await store.ClientFor(Identity.Catalog)
            .PostJsonAsync("/api/products", NewProduct(UniqueSku(), name: new string('x', 10_000)));

        await response.AssertValidationErrorAsync("name");
    }

    [Fact]
    public async Task Missing_prices_are_named_not_taken_as_zero()
    {
        var response = await store.ClientFor(Identity.Catalog)
            .PostJsonAsync("/api/products", new { sku = UniqueSku(), name = "No price", category = "office" });

        var problem = await response.AssertValidationErrorAsync("listPrice");
        Assert.True(problem.GetProperty("errors").TryGetProperty("unitCost", out _));
    }

    [Theory]
    [InlineData("{\"sku\":\"X1\",\"listPrice\":\"abc\"}", "listPrice")]
    [InlineData("{\"sku\":\"X1\",", "body")]
    [InlineData("[1,2,3]", "body")]
    public async Task Malformed_json_is_a_400_never_a_500(string json, string field)
    {
        var response = await store.ClientFor(Identity.Catalog)
            .PostAsync("/api/products", new StringContent(json, Encoding.UTF8, "application/json"));

        await response.AssertValidationErrorAsync(field);
    }

    [Fact]
    public async Task An_unsupported_currency_is_a_400_with_its_own_code()
    {
        var response = await store.ClientFor(Identity.Catalog).PostJsonAsync("/api/products", new
        {
            sku = UniqueSku(), name = "Franc", category = "office", listPrice = 1m, unitCost = 1m, currency = "XXX",
        });

        await response.AssertValidationErrorAsync("currency", "unsupported-currency");
    }

    [Fact]
    public async Task Stock_adjustments_are_recorded_with_reason_and_author()
    {
        var client = store.ClientFor(Identity.Catalog);
        var sku = UniqueSku();
        await client.PostJsonAsync("/api/products", NewProduct(sku));

        var adjustment = await (await client.PostJsonAsync($"/api/products/{sku}/stock", new { delta = 7, reason = "delivery 42" }))
            .AssertJsonAsync(HttpStatusCode.Created);
        await (await client.PostJsonAsync($"/api/products/{sku}/stock", new { delta = -2, reason = "damaged" }))
            .AssertJsonAsync(HttpStatusCode.Created);

        Assert.Equal(12, adjustment.GetProperty("stockAfter").GetInt32());
        var history = await (await client.GetAsync($"/api/products/{sku}/stock")).AssertJsonAsync(HttpStatusCode.OK);
        var items = history.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["damaged", "delivery 42"], items.Select(i => i.GetProperty("reason").GetString()));
        Assert.All(items, i => Assert.Equal("C9001", i.GetProperty("adjustedBy").GetString()));
        var product = await (await client.GetAsync($"/api/products/{sku}")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(10, product.GetProperty("stockOnHand").GetInt32());
    }

    [Fact]
    public async Task Stock_cannot_go_below_zero_and_the_failed_adjustment_leaves_nothing()
    {
        var client = store.ClientFor(Identity.Catalog);
        var sku = UniqueSku();
        await client.PostJsonAsync("/api/products", NewProduct(sku));

        await (await client.PostJsonAsync($"/api/products/{sku}/stock", new { delta = -6, reason = "shrinkage" }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "insufficient-stock");

        var history = await (await client.GetAsync($"/api/products/{sku}/stock")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(0, history.GetProperty("totalCount").GetInt32());
        var product = await (await client.GetAsync($"/api/products/{sku}")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(5, product.GetProperty("stockOnHand").GetInt32());
    }

    [Theory]
    [InlineData("{\"delta\":0,\"reason\":\"nothing\"}", "delta")]
    [InlineData("{\"reason\":\"no delta\"}", "delta")]
    [InlineData("{\"delta\":3}", "reason")]
    [InlineData("{\"delta\":3,\"reason\":\"\"}", "reason")]
    public async Task A_stock_adjustment_needs_a_delta_and_a_reason(string json, string field)
    {
        var response = await store.ClientFor(Identity.Catalog)
            .PostAsync("/api/products/LAP-13/stock", new StringContent(json, Encoding.UTF8, "application/json"));

        await response.AssertValidationErrorAsync(field);
    }

    [Fact]
    public async Task A_retried_stock_adjustment_with_its_idempotency_key_applies_once()
    {
        var client = store.ClientFor(Identity.Catalog);
        var sku = UniqueSku();
        await client.PostJsonAsync("/api/products", NewProduct(sku));
        var key = Guid.NewGuid().ToString();

        HttpRequestMessage Adjust(int delta) => new(HttpMethod.Post, $"/api/products/{sku}/stock")
        {
            Headers = { { "Idempotency-Key", key } },
            Content = JsonContent.Create(new { delta, reason = "delivery" }),
        };

        var first = await (await client.SendAsync(Adjust(3))).AssertJsonAsync(HttpStatusCode.Created);
        var replay = await (await client.SendAsync(Adjust(3))).AssertJsonAsync(HttpStatusCode.OK);
        await (await client.SendAsync(Adjust(4))).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "idempotency-key-reused");

        Assert.Equal(first.GetProperty("id").GetInt64(), replay.GetProperty("id").GetInt64());
        var product = await (await client.GetAsync($"/api/products/{sku}")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(8, product.GetProperty("stockOnHand").GetInt32());
    }

    [Fact]
    public async Task Concurrent_stock_adjustments_lose_no_update()
    {
        var sku = UniqueSku();
        await store.ClientFor(Identity.Catalog).PostJsonAsync("/api/products", NewProduct(sku));
        var clients = Enumerable.Range(0, 12).Select(_ => store.ClientFor(Identity.Catalog)).ToList();

        var responses = await Task.WhenAll(clients.Select(c =>
            c.PostJsonAsync($"/api/products/{sku}/stock", new { delta = 1, reason = "parallel" })));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var product = await (await store.ClientFor(Identity.Catalog).GetAsync($"/api/products/{sku}"))
            .AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(5 + 12, product.GetProperty("stockOnHand").GetInt32());
    }
}

public sealed class CatalogApiTestsOnSqlite(SqliteStoreFactory store)
    : CatalogApiTests(store), IClassFixture<SqliteStoreFactory>;

public sealed class CatalogApiTestsOnPostgres(PostgresStoreFactory store)
    : CatalogApiTests(store), IClassFixture<PostgresStoreFactory>;

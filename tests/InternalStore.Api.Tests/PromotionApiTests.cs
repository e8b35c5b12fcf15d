using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InternalStore.Api.Tests.Infrastructure;

namespace InternalStore.Api.Tests;

/// <summary>Promotions (catalog: public, HR: staff-only) and transfer-pricing markups (finance), and their effect on quotes.</summary>
public abstract class PromotionApiTests(StoreFactory store)
{
    private static string Today(int offset = 0) => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(offset)
        .ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static object Promo(string id, string audience, decimal percent, string? sku = null, string? category = null,
        string? from = null, string? to = null) =>
        new { id, sku, category, percent, audience, from = from ?? Today(-1), to = to ?? Today(1) };

    private async Task<decimal> QuotedUnitPriceAsync(Identity identity, string sku)
    {
        var quote = await (await store.ClientFor(identity).PostJsonAsync("/api/quotes", new { lines = new[] { new { sku, quantity = 1 } } }))
            .AssertJsonAsync(HttpStatusCode.OK);
        return quote.GetProperty("lines")[0].GetProperty("unitPrice").GetDecimal();
    }

    [Fact]
    public async Task A_public_promotion_from_the_catalog_team_lowers_the_external_price()
    {
        var outsider = new Identity("P7", ["finance"]); // priced as external
        Assert.Equal(79.00m, await QuotedUnitPriceAsync(outsider, "BAG-01"));

        await (await store.ClientFor(Identity.Catalog).PostJsonAsync("/api/promotions", Promo("bag-days", "all", 20m, sku: "BAG-01")))
            .AssertJsonAsync(HttpStatusCode.Created);

        Assert.Equal(63.20m, await QuotedUnitPriceAsync(outsider, "BAG-01"));
        var listed = await (await store.ClientFor(Identity.Hr).GetAsync($"/api/promotions?activeOn={Today()}")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Contains(listed.EnumerateArray(), p => p.GetProperty("id").GetString() == "bag-days");
    }

    [Fact]
    public async Task Staff_promotions_are_hr_s_and_public_ones_the_catalog_team_s()
    {
        await (await store.ClientFor(Identity.Hr).PostJsonAsync("/api/promotions", Promo("staff-pens", "employee", 30m, sku: "PEN-10")))
            .AssertJsonAsync(HttpStatusCode.Created);
        await (await store.ClientFor(Identity.Catalog).PostJsonAsync("/api/promotions", Promo("staff-pads", "employee", 30m, sku: "NTB-A5")))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await store.ClientFor(Identity.Hr).PostJsonAsync("/api/promotions", Promo("public-pads", "all", 30m, sku: "NTB-A5")))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await store.ClientFor(Identity.Employee).GetAsync("/api/promotions"))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Repeating_a_creation_replays_it_and_other_terms_under_the_same_id_conflict()
    {
        var catalog = store.ClientFor(Identity.Catalog);
        var promo = Promo("lamp-sale", "external", 10m, sku: "LMP-01");
        await (await catalog.PostJsonAsync("/api/promotions", promo)).AssertJsonAsync(HttpStatusCode.Created);

        await (await catalog.PostJsonAsync("/api/promotions", promo)).AssertJsonAsync(HttpStatusCode.OK);
        await (await catalog.PostJsonAsync("/api/promotions", Promo("lamp-sale", "external", 50m, sku: "LMP-01")))
            .AssertProblemAsync(HttpStatusCode.Conflict, "invalid-state");
    }

    [Fact]
    public async Task A_promotion_can_be_changed()
    {
        var catalog = store.ClientFor(Identity.Catalog);
        await catalog.PostJsonAsync("/api/promotions", Promo("desk-deal", "all", 5m, sku: "DSK-01"));

        var changed = await (await catalog.PutAsJsonAsync("/api/promotions/desk-deal",
            new { sku = "DSK-01", percent = 12.5m, audience = "all", from = Today(-1), to = Today(5) })).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal(12.5m, changed.GetProperty("percent").GetDecimal());
        await (await catalog.PutAsJsonAsync("/api/promotions/nope",
            new { sku = "DSK-01", percent = 1m, audience = "all", from = Today(), to = Today() })).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    public static TheoryData<string, string, string> BadPromotions => new()
    {
        { """{"id":"p1","sku":"LAP-13","percent":120,"audience":"all","from":"2026-01-01","to":"2026-01-31"}""", "percent", "validation" },
        { """{"id":"p1","sku":"LAP-13","category":"home","percent":10,"audience":"all","from":"2026-01-01","to":"2026-01-31"}""", "sku", "validation" },
        { """{"id":"p1","sku":"LAP-13","percent":10,"audience":"all","from":"2026-02-01","to":"2026-01-31"}""", "to", "validation" },
        { """{"id":"p1","sku":"LAP-13","percent":10,"audience":"everyone","from":"2026-01-01","to":"2026-01-31"}""", "audience", "validation" },
        { """{"id":"Not An Id","sku":"LAP-13","percent":10,"audience":"all","from":"2026-01-01","to":"2026-01-31"}""", "id", "validation" },
        { """{"id":"p1","sku":"NOPE","percent":10,"audience":"all","from":"2026-01-01","to":"2026-01-31"}""", "sku", "unknown-sku" },
        { """{"id":"p1","category":"spaceships","percent":10,"audience":"all","from":"2026-01-01","to":"2026-01-31"}""", "category", "validation" },
    };

    [Theory]
    [MemberData(nameof(BadPromotions))]
    public async Task A_bad_promotion_is_a_400_naming_the_field(string body, string field, string code)
    {
        var response = await store.ClientFor(Identity.Catalog)
            .PostAsync("/api/promotions", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        await response.AssertValidationErrorAsync(field, code);
    }

    [Fact]
    public async Task Group_finance_sets_the_markups_and_department_prices_follow()
    {
        var finance = store.ClientFor(Identity.GroupFinance);
        var current = await (await store.ClientFor(Identity.Finance).GetAsync("/api/finance/transfer-pricing")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(5m, current.GetProperty("defaultMarkupPercent").GetDecimal());
        Assert.Equal(14.91m, await QuotedUnitPriceAsync(Identity.DepartmentBuyer, "BLK-01")); // 14.20 + 5 %
        var markups = new
        {
            defaultMarkupPercent = 10m,
            intercompanyMarkupPercent = 12m,
            categoryMarkups = new[] { new { category = "electronics", markupPercent = 3m } },
        };
        // The markups are the group's: a subsidiary's finance reads them but does not set them.
        await (await store.ClientFor(Identity.Finance).PutAsJsonAsync("/api/finance/transfer-pricing", markups))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(14.91m, await QuotedUnitPriceAsync(Identity.DepartmentBuyer, "BLK-01"));

        await (await finance.PutAsJsonAsync("/api/finance/transfer-pricing", markups)).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal(15.62m, await QuotedUnitPriceAsync(Identity.DepartmentBuyer, "BLK-01")); // 14.20 + 10 %
        Assert.Equal(15.90m, await QuotedUnitPriceAsync(Identity.AffiliateBuyer, "BLK-01")); // 14.20 + 12 %
    }

    [Fact]
    public async Task Markups_are_finance_s_and_must_be_sane()
    {
        await (await store.ClientFor(Identity.Hr).GetAsync("/api/finance/transfer-pricing")).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await store.ClientFor(Identity.Finance).PutAsJsonAsync("/api/finance/transfer-pricing",
            new { defaultMarkupPercent = -1m, intercompanyMarkupPercent = 5m })).AssertValidationErrorAsync("defaultMarkupPercent");
    }
}

public sealed class PromotionApiTestsOnSqlite(SqliteStoreFactory store) : PromotionApiTests(store), IClassFixture<SqliteStoreFactory>;

public sealed class PromotionApiTestsOnPostgres(PostgresStoreFactory store) : PromotionApiTests(store), IClassFixture<PostgresStoreFactory>;

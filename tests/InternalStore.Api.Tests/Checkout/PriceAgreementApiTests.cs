using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InternalStore.Api.Tests.Infrastructure;

namespace InternalStore.Api.Tests.Checkout;

/// <summary>
/// Standing agreements made from accepted offers: they price the buyer's later quotes and orders
/// (explained as "negotiated agreement N"), the floor wins when the cost rises, finance ends them;
/// overlaps, states and scopes are refused; an affiliate's invoice shows the cost-plus markup. Both databases.
/// </summary>
public abstract class PriceAgreementApiTests(StoreFactory store)
{
    private static readonly Identity SecondFinance = new("F9002", ["finance"]);
    private static readonly Identity Packing = new("D1100", ["department-buyer"], "ABC", "CC-1100");
    private readonly CheckoutScenario _given = new(store);

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    private async Task SettingsAsync(decimal minimumMarkup) =>
        await (await store.ClientFor(Identity.Finance).PutAsJsonAsync("/api/finance/negotiation-settings",
            new { minimumMarkupPercent = minimumMarkup, autoOfferBandPercent = 0m })).AssertJsonAsync(HttpStatusCode.OK);

    /// <summary>A request for the SKU, offered at the price (approved when below the standard price) and accepted by the buyer.</summary>
    private async Task<Guid> AcceptedAsync(Identity buyer, string sku, decimal unitPrice, bool accept = true)
    {
        var request = await (await store.ClientFor(buyer).SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/quote-requests")
        {
            Headers = { { "Idempotency-Key", Guid.NewGuid().ToString() } },
            Content = JsonContent.Create(new { lines = new[] { new { sku, quantity = 2 } } }),
        })).AssertJsonAsync(HttpStatusCode.Created);
        var id = request.Id();
        var offered = await (await store.ClientFor(Identity.Finance).PostJsonAsync($"/api/quote-requests/{id}/offers",
            new { lines = new[] { new { sku, unitPrice } }, validUntil = DateTimeOffset.UtcNow.AddDays(7) })).AssertJsonAsync(HttpStatusCode.OK);
        if (offered.GetProperty("offers")[0].GetProperty("needsApproval").GetBoolean())
            await (await store.ClientFor(SecondFinance).PostJsonAsync($"/api/quote-requests/{id}/offers/1/approve",
                new { reason = "standing volume" })).AssertJsonAsync(HttpStatusCode.OK);
        if (accept)
            await (await store.ClientFor(buyer).SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/quote-requests/{id}/offers/1/accept")
            {
                Headers = { { "Idempotency-Key", Guid.NewGuid().ToString() } },
            })).AssertJsonAsync(HttpStatusCode.Created);
        return id;
    }

    private Task<HttpResponseMessage> AgreeAsync(Identity caller, Guid requestId, DateOnly? from, DateOnly to, string? key = null) =>
        store.ClientFor(caller).SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/finance/price-agreements")
        {
            Headers = { { "Idempotency-Key", key ?? Guid.NewGuid().ToString() } },
            Content = JsonContent.Create(new { quoteRequestId = requestId, from = from?.ToString("yyyy-MM-dd"), to = to.ToString("yyyy-MM-dd") }),
        });

    private async Task<JsonElement> QuoteLineAsync(Identity buyer, string sku) =>
        (await (await store.ClientFor(buyer).PostJsonAsync("/api/quotes", new { lines = new[] { new { sku, quantity = 2 } } }))
            .AssertJsonAsync(HttpStatusCode.OK)).GetProperty("lines")[0];

    private static string[] Kinds(JsonElement line) =>
        [.. line.GetProperty("explanation").EnumerateArray().Select(s => s.GetProperty("kind").GetString()!)];

    [Fact]
    public async Task An_agreement_prices_the_next_quote_and_order_the_floor_wins_when_cost_rises_and_ending_it_restores_the_standard_price()
    {
        await SettingsAsync(0m);
        var sku = await _given.NewProductAsync(stock: 40, listPrice: 50m, unitCost: 20m); // standard: 21.00 (cost + 5 %)
        var requestId = await AcceptedAsync(Identity.DepartmentBuyer, sku, 20.50m);

        var key = Guid.NewGuid().ToString();
        var made = await (await AgreeAsync(Identity.Finance, requestId, null, Today.AddDays(90), key)).AssertJsonAsync(HttpStatusCode.Created);
        var agreement = made.GetProperty("agreements")[0];
        var id = agreement.GetProperty("id").GetInt64();
        Assert.Equal("active", agreement.GetProperty("status").GetString());
        Assert.Equal("CC-1200", agreement.GetProperty("costCenter").GetString());
        Assert.Equal(20.50m, agreement.GetProperty("unitPrice").GetDecimal());
        Assert.Equal(2.5m, agreement.GetProperty("markupPercent").GetDecimal());
        Assert.Equal("cost-plus", agreement.GetProperty("pricingMethod").GetString());
        var replay = await (await AgreeAsync(Identity.Finance, requestId, null, Today.AddDays(90), key)).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(id, replay.GetProperty("agreements")[0].GetProperty("id").GetInt64());
        await (await AgreeAsync(Identity.Finance, requestId, null, Today.AddDays(30), key))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "idempotency-key-reused");

        var quoted = await QuoteLineAsync(Identity.DepartmentBuyer, sku);
        Assert.Equal(20.50m, quoted.GetProperty("unitPrice").GetDecimal());
        var step = quoted.GetProperty("explanation").EnumerateArray().Single(s => s.GetProperty("kind").GetString() == "agreement");
        Assert.Contains($"Negotiated agreement {id}", step.GetProperty("note").GetString(), StringComparison.Ordinal);
        Assert.Equal(21.00m, step.GetProperty("before").GetDecimal());
        Assert.Equal(21.00m, (await QuoteLineAsync(Packing, sku)).GetProperty("unitPrice").GetDecimal()); // another cost centre

        var order = await _given.PlaceAsync(Identity.DepartmentBuyer, (sku, 2));
        Assert.Equal(20.50m, order.GetProperty("lines")[0].GetProperty("unitPrice").GetDecimal());
        Assert.Equal(41.00m, order.GetProperty("subtotal").GetDecimal());

        // The cost rises above the agreed price: the floor (cost + 0 %) wins, below the new standard price 21.84.
        await (await store.ClientFor(Identity.Catalog).PutAsJsonAsync($"/api/products/{sku}", new
        {
            name = "Checkout test item", category = "office", listPrice = 50m, unitCost = 20.80m, currency = "USD", active = true,
        })).AssertJsonAsync(HttpStatusCode.OK);
        var raised = await QuoteLineAsync(Identity.DepartmentBuyer, sku);
        Assert.Equal(20.80m, raised.GetProperty("unitPrice").GetDecimal());
        Assert.Equal(["listPrice", "transferMarkup", "agreement", "floor"], Kinds(raised));
        Assert.Contains("cost has risen", raised.GetProperty("explanation")[3].GetProperty("note").GetString(), StringComparison.Ordinal);

        await (await store.ClientFor(Identity.Finance).PostJsonAsync($"/api/finance/price-agreements/{id}/end", new { reason = "" }))
            .AssertValidationErrorAsync("reason");
        var ended = await (await store.ClientFor(Identity.Finance).PostJsonAsync($"/api/finance/price-agreements/{id}/end",
            new { reason = "cost rose; renegotiate" })).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("ended", ended.GetProperty("status").GetString());
        Assert.Equal(Today.AddDays(90), DateOnly.Parse(ended.GetProperty("agreedTo").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(21.84m, (await QuoteLineAsync(Identity.DepartmentBuyer, sku)).GetProperty("unitPrice").GetDecimal());
        await (await store.ClientFor(Identity.Finance).PostJsonAsync($"/api/finance/price-agreements/{id}/end", new { reason = "again" }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "invalid-state");

        var trail = await (await store.ClientFor(Identity.Finance).GetAsync($"/api/quote-requests/{requestId}")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(["agreement made", "agreement ended"], trail.GetProperty("history").EnumerateArray()
            .Select(e => e.GetProperty("what").GetString()!).Where(w => w.StartsWith("agreement", StringComparison.Ordinal)).ToArray());
    }

    [Fact]
    public async Task Only_the_sellers_finance_makes_and_sees_agreements_and_the_buyer_sees_its_own()
    {
        await SettingsAsync(0m);
        var sku = await _given.NewProductAsync(listPrice: 50m, unitCost: 20m);
        var requestId = await AcceptedAsync(Identity.DepartmentBuyer, sku, 21m);

        await (await AgreeAsync(Identity.DepartmentBuyer, requestId, null, Today.AddDays(10))).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await AgreeAsync(new Identity("F2001", ["finance"], "XYZ"), requestId, null, Today.AddDays(10)))
            .AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        var made = await (await AgreeAsync(Identity.Finance, requestId, null, Today.AddDays(10))).AssertJsonAsync(HttpStatusCode.Created);
        var id = made.GetProperty("agreements")[0].GetProperty("id").GetInt64();

        await (await store.ClientFor(new Identity("F2001", ["finance"], "XYZ")).GetAsync($"/api/finance/price-agreements/{id}"))
            .AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await store.ClientFor(Identity.GroupFinance).GetAsync($"/api/finance/price-agreements/{id}")).AssertJsonAsync(HttpStatusCode.OK);
        var sold = await (await store.ClientFor(Identity.Finance).GetAsync($"/api/finance/price-agreements?sku={sku}&status=active"))
            .AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(id, Assert.Single(sold.GetProperty("items").EnumerateArray()).GetProperty("id").GetInt64());
        var mine = await (await store.ClientFor(Identity.DepartmentBuyer).GetAsync($"/api/me/price-agreements?sku={sku}")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Single(mine.GetProperty("items").EnumerateArray());
        var others = await (await store.ClientFor(Packing).GetAsync($"/api/me/price-agreements?sku={sku}")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Empty(others.GetProperty("items").EnumerateArray());
        await (await store.ClientFor(Identity.DepartmentBuyer).GetAsync("/api/finance/price-agreements")).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await store.ClientFor(Identity.Finance).GetAsync("/api/finance/price-agreements?status=soon")).AssertValidationErrorAsync("status");
    }

    [Fact]
    public async Task Overlaps_unaccepted_offers_and_bad_dates_are_refused_and_leave_nothing_and_concurrent_makers_make_one()
    {
        await SettingsAsync(0m);
        var sku = await _given.NewProductAsync(listPrice: 50m, unitCost: 20m);
        var open = await AcceptedAsync(Identity.DepartmentBuyer, sku, 21m, accept: false);
        await (await AgreeAsync(Identity.Finance, open, null, Today.AddDays(10))).AssertProblemAsync(HttpStatusCode.Conflict, "invalid-state");

        var first = await AcceptedAsync(Identity.DepartmentBuyer, sku, 21m);
        await (await AgreeAsync(Identity.Finance, first, Today.AddDays(-1), Today.AddDays(10))).AssertValidationErrorAsync("from");
        await (await AgreeAsync(Identity.Finance, first, Today.AddDays(5), Today.AddDays(4))).AssertValidationErrorAsync("to");
        await (await AgreeAsync(Identity.Finance, first, null, Today.AddDays(366))).AssertValidationErrorAsync("to");
        var before = await StoreRows.CountAsync(store);

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => AgreeAsync(Identity.Finance, first, null, Today.AddDays(30))));
        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.Created), a => Assert.Equal(HttpStatusCode.Conflict, a.StatusCode));
        Assert.NotEqual(before, await StoreRows.CountAsync(store));

        var second = await AcceptedAsync(Identity.DepartmentBuyer, sku, 20.50m);
        var overlap = await (await AgreeAsync(Identity.Finance, second, Today.AddDays(30), Today.AddDays(60)))
            .AssertProblemAsync(HttpStatusCode.Conflict, "agreement-overlap");
        Assert.Contains(sku, overlap.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await (await AgreeAsync(Identity.Finance, second, Today.AddDays(31), Today.AddDays(60))).AssertJsonAsync(HttpStatusCode.Created);
        Assert.Equal(21.00m, (await QuoteLineAsync(Identity.DepartmentBuyer, sku)).GetProperty("unitPrice").GetDecimal());
    }

    [Fact]
    public async Task An_affiliates_agreement_prices_its_next_order_and_the_invoice_line_shows_cost_plus_and_the_markup()
    {
        await SettingsAsync(0m);
        var sku = await _given.NewProductAsync(stock: 30, listPrice: 300m, unitCost: 100m); // intercompany standard: 108.00
        var requestId = await AcceptedAsync(Identity.AffiliateBuyer, sku, 104m);
        var made = await (await AgreeAsync(Identity.Finance, requestId, null, Today.AddDays(60))).AssertJsonAsync(HttpStatusCode.Created);
        var agreement = made.GetProperty("agreements")[0];
        Assert.Equal("affiliate", agreement.GetProperty("buyerKind").GetString());
        Assert.Equal("XYZ", agreement.GetProperty("buyerCompany").GetString());
        Assert.Equal(JsonValueKind.Null, agreement.GetProperty("costCenter").ValueKind);

        var order = await _given.PlaceAsync(Identity.AffiliateBuyer, (sku, 3));
        Assert.Equal(104.00m, order.GetProperty("lines")[0].GetProperty("unitPrice").GetDecimal());
        await (await _given.CheckoutAsync(Identity.AffiliateBuyer, order.Id(), new { method = "invoice" })).AssertJsonAsync(HttpStatusCode.OK);

        var details = await (await store.ClientFor(Identity.Finance).GetAsync($"/api/orders/{order.Id()}/details")).AssertJsonAsync(HttpStatusCode.OK);
        var line = details.GetProperty("invoice").GetProperty("lines")[0];
        Assert.Equal("cost-plus", line.GetProperty("pricingMethod").GetString());
        Assert.Equal(100.00m, line.GetProperty("unitCost").GetDecimal());
        Assert.Equal(4m, line.GetProperty("markupPercent").GetDecimal());
        Assert.Equal(312.00m, line.GetProperty("lineTotal").GetDecimal());
    }
}

public sealed class PriceAgreementApiTestsOnSqlite(SqliteStoreFactory store) : PriceAgreementApiTests(store), IClassFixture<SqliteStoreFactory>;

public sealed class PriceAgreementApiTestsOnPostgres(PostgresStoreFactory store) : PriceAgreementApiTests(store), IClassFixture<PostgresStoreFactory>;

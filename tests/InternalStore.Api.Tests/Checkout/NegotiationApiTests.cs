using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InternalStore.Api.Tests.Infrastructure;

namespace InternalStore.Api.Tests.Checkout;

/// <summary>Quote requests, offers bounded by the floor, four-eyes approval, the band's automatic offer and accepting into an order, on both databases.</summary>
public abstract class NegotiationApiTests(StoreFactory store)
{
    private static readonly Identity SecondFinance = new("F9002", ["finance"]);
    private readonly CheckoutScenario _given = new(store);

    private async Task SettingsAsync(decimal minimumMarkup, decimal band) =>
        await (await store.ClientFor(Identity.Finance).PutAsJsonAsync("/api/finance/negotiation-settings",
            new { minimumMarkupPercent = minimumMarkup, autoOfferBandPercent = band })).AssertJsonAsync(HttpStatusCode.OK);

    private async Task<JsonElement> RequestAsync(Identity buyer, string sku, int quantity, decimal? target = null) =>
        await (await store.ClientFor(buyer).SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/quote-requests")
        {
            Headers = { { "Idempotency-Key", Guid.NewGuid().ToString() } },
            Content = JsonContent.Create(new { lines = new[] { new { sku, quantity, targetUnitPrice = target } }, comment = "volume order" }),
        })).AssertJsonAsync(HttpStatusCode.Created);

    private Task<HttpResponseMessage> OfferAsync(Identity finance, Guid id, string sku, decimal unitPrice, DateTimeOffset? validUntil = null) =>
        store.ClientFor(finance).PostJsonAsync($"/api/quote-requests/{id}/offers",
            new { lines = new[] { new { sku, unitPrice } }, validUntil = validUntil ?? DateTimeOffset.UtcNow.AddDays(7), comment = "our best" });

    private Task<HttpResponseMessage> AcceptAsync(Identity buyer, Guid id, int version, string? key = null) =>
        store.ClientFor(buyer).SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/quote-requests/{id}/offers/{version}/accept")
        {
            Headers = { { "Idempotency-Key", key ?? Guid.NewGuid().ToString() } },
        });

    [Fact]
    public async Task An_offer_below_the_floor_is_refused_naming_the_line_and_the_floor()
    {
        await SettingsAsync(minimumMarkup: 10m, band: 0m);
        var sku = await _given.NewProductAsync(listPrice: 200m, unitCost: 100m);
        var request = await RequestAsync(Identity.DepartmentBuyer, sku, 4, target: 100m);
        Assert.Equal("submitted", request.GetProperty("status").GetString());
        var before = await StoreRows.CountAsync(store);

        var refused = await (await OfferAsync(Identity.Finance, request.Id(), sku, 109.99m)).AssertProblemAsync(HttpStatusCode.Conflict, "below-floor");
        Assert.Contains("lines[0]", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("110.00", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await StoreRows.CountAsync(store));

        var offered = await (await OfferAsync(Identity.Finance, request.Id(), sku, 110.00m)).AssertJsonAsync(HttpStatusCode.OK);
        var line = offered.GetProperty("offers")[0].GetProperty("lines")[0];
        Assert.Equal(100.00m, line.GetProperty("unitCost").GetDecimal());
        Assert.Equal(105.00m, line.GetProperty("standardUnitPrice").GetDecimal()); // cost + 5 % department markup
        Assert.Equal(110.00m, line.GetProperty("floor").GetDecimal());
        Assert.Equal(10m, line.GetProperty("markupPercent").GetDecimal());
        Assert.False(offered.GetProperty("offers")[0].GetProperty("needsApproval").GetBoolean()); // above the standard price
        await SettingsAsync(0m, 0m);
    }

    [Fact]
    public async Task Below_the_standard_price_a_second_finance_person_approves_then_the_accept_is_an_order_and_a_chargeback_to_the_cent()
    {
        await SettingsAsync(0m, 0m);
        var sku = await _given.NewProductAsync(stock: 30, listPrice: 50m, unitCost: 20m);
        var request = await RequestAsync(Identity.DepartmentBuyer, sku, 3, target: 20m);
        var id = request.Id();
        await (await OfferAsync(Identity.Finance, id, sku, 20.33m)).AssertJsonAsync(HttpStatusCode.OK); // standard: 21.00

        var seen = await (await store.ClientFor(Identity.DepartmentBuyer).GetAsync($"/api/quote-requests/{id}")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(0, seen.GetProperty("offers").GetArrayLength());
        await (await AcceptAsync(Identity.DepartmentBuyer, id, 1)).AssertProblemAsync(HttpStatusCode.Conflict, "approval-required");
        await (await store.ClientFor(Identity.Finance).PostJsonAsync($"/api/quote-requests/{id}/offers/1/approve", new { reason = "volume" }))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "four-eyes");
        await (await store.ClientFor(SecondFinance).PostJsonAsync($"/api/quote-requests/{id}/offers/1/approve", new { reason = "" }))
            .AssertValidationErrorAsync("reason");
        var approved = await (await store.ClientFor(SecondFinance).PostJsonAsync($"/api/quote-requests/{id}/offers/1/approve",
            new { reason = "three units for the line trial" })).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("F9002", approved.GetProperty("offers")[0].GetProperty("approvedBy").GetString());

        var stock = await _given.StockAsync(sku);
        var accepted = await (await AcceptAsync(Identity.DepartmentBuyer, id, 1)).AssertJsonAsync(HttpStatusCode.Created);
        var order = accepted.GetProperty("order");
        Assert.Equal("paid", order.Status());
        Assert.Equal(20.33m, order.GetProperty("lines")[0].GetProperty("unitPrice").GetDecimal());
        Assert.Equal(60.99m, order.GetProperty("subtotal").GetDecimal());
        Assert.Equal("chargeback", accepted.GetProperty("method").GetString());
        Assert.Equal(60.99m, accepted.GetProperty("details").GetProperty("amount").GetDecimal());
        Assert.Equal(stock - 3, await _given.StockAsync(sku));

        var details = await (await store.ClientFor(Identity.DepartmentBuyer).GetAsync($"/api/orders/{order.Id()}/details")).AssertJsonAsync(HttpStatusCode.OK);
        var step = details.GetProperty("explanations")[0].EnumerateArray().Last();
        Assert.Equal("negotiatedOffer", step.GetProperty("kind").GetString());
        Assert.Contains("Negotiated offer v1", step.GetProperty("note").GetString(), StringComparison.Ordinal);
        var after = await (await store.ClientFor(Identity.DepartmentBuyer).GetAsync($"/api/quote-requests/{id}")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("accepted", after.GetProperty("status").GetString());
        Assert.Equal(order.Id(), after.GetProperty("orderId").GetGuid());
        Assert.Equal(["submitted", "offer", "approved", "accepted"],
            after.GetProperty("history").EnumerateArray().Select(e => e.GetProperty("what").GetString()!).ToArray());
    }

    [Fact]
    public async Task A_target_within_the_band_is_offered_at_once_and_an_affiliate_accepts_it_into_an_invoice()
    {
        await SettingsAsync(0m, 5m);
        var sku = await _given.NewProductAsync(stock: 30, listPrice: 300m, unitCost: 100m);
        // Intercompany standard price: cost + 8 % = 108.00; 104.00 is 3.7 % under it.
        var request = await RequestAsync(Identity.AffiliateBuyer, sku, 2, target: 104m);
        Assert.Equal("offered", request.GetProperty("status").GetString());
        var offer = request.GetProperty("offers")[0];
        Assert.True(offer.GetProperty("automatic").GetBoolean());
        Assert.Equal(104.00m, offer.GetProperty("lines")[0].GetProperty("unitPrice").GetDecimal());

        var farBelow = await RequestAsync(Identity.AffiliateBuyer, sku, 2, target: 95m);
        Assert.Equal("submitted", farBelow.GetProperty("status").GetString());

        var accepted = await (await AcceptAsync(Identity.AffiliateBuyer, request.Id(), 1)).AssertJsonAsync(HttpStatusCode.Created);
        Assert.Equal("invoice", accepted.GetProperty("method").GetString());
        Assert.Equal(208.00m, accepted.GetProperty("details").GetProperty("total").GetDecimal());
        Assert.Equal(104.00m, accepted.GetProperty("details").GetProperty("lines")[0].GetProperty("unitPrice").GetDecimal());
        await SettingsAsync(0m, 0m);
    }

    [Fact]
    public async Task Ten_concurrent_accepts_make_one_order_and_the_same_key_replays_it()
    {
        await SettingsAsync(0m, 0m);
        var sku = await _given.NewProductAsync(stock: 50, listPrice: 40m, unitCost: 10m);
        var request = await RequestAsync(Identity.DepartmentBuyer, sku, 2);
        await (await OfferAsync(Identity.Finance, request.Id(), sku, 11m)).AssertJsonAsync(HttpStatusCode.OK);
        var before = int.Parse((await StoreRows.CountAsync(store)).Split(',')[0]);

        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => AcceptAsync(Identity.DepartmentBuyer, request.Id(), 1)));

        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.Created), a => Assert.Equal(HttpStatusCode.Conflict, a.StatusCode));
        Assert.Equal(before + 1, int.Parse((await StoreRows.CountAsync(store)).Split(',')[0]));
        Assert.Equal(48, await _given.StockAsync(sku));

        var key = Guid.NewGuid().ToString();
        var other = await RequestAsync(Identity.DepartmentBuyer, sku, 1);
        await (await OfferAsync(Identity.Finance, other.Id(), sku, 11m)).AssertJsonAsync(HttpStatusCode.OK);
        var same = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => AcceptAsync(Identity.DepartmentBuyer, other.Id(), 1, key)));
        var orders = await Task.WhenAll(same.Select(r => r.AssertJsonAsync(HttpStatusCode.Created)));
        Assert.Single(orders.Select(o => o.GetProperty("order").Id()).Distinct());
    }

    [Fact]
    public async Task A_superseded_offer_cannot_be_accepted_and_each_side_sees_only_its_own()
    {
        await SettingsAsync(0m, 0m);
        var sku = await _given.NewProductAsync(listPrice: 40m, unitCost: 10m);
        var request = await RequestAsync(Identity.DepartmentBuyer, sku, 2);
        var id = request.Id();
        await (await OfferAsync(Identity.Finance, id, sku, 12m)).AssertJsonAsync(HttpStatusCode.OK);
        await (await store.ClientFor(Identity.DepartmentBuyer).PostJsonAsync($"/api/quote-requests/{id}/offers/1/renegotiate", new { reason = "" }))
            .AssertValidationErrorAsync("reason");
        var renegotiating = await (await store.ClientFor(Identity.DepartmentBuyer).PostJsonAsync($"/api/quote-requests/{id}/offers/1/renegotiate",
            new { reason = "another supplier offers 11" })).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("renegotiating", renegotiating.GetProperty("status").GetString());
        await (await OfferAsync(Identity.Finance, id, sku, 11.50m)).AssertJsonAsync(HttpStatusCode.OK);

        await (await AcceptAsync(Identity.DepartmentBuyer, id, 1)).AssertProblemAsync(HttpStatusCode.Conflict, "offer-expired");
        await (await OfferAsync(Identity.Finance, id, sku, 11.50m, DateTimeOffset.UtcNow.AddMinutes(-1))).AssertValidationErrorAsync("validUntil");
        await (await store.ClientFor(Identity.DepartmentBuyer).PostJsonAsync($"/api/quote-requests/{id}/offers", new { lines = new[] { new { sku, unitPrice = 1m } } }))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");

        // Another department, another company's finance: not theirs. The group's finance sees it.
        var otherBuyer = new Identity("D2000", ["department-buyer"], "XYZ", "CC-2000");
        await (await store.ClientFor(otherBuyer).GetAsync($"/api/quote-requests/{id}")).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await store.ClientFor(new Identity("F2001", ["finance"], "XYZ")).GetAsync($"/api/quote-requests/{id}"))
            .AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await store.ClientFor(Identity.GroupFinance).GetAsync($"/api/quote-requests/{id}")).AssertJsonAsync(HttpStatusCode.OK);
        var list = await (await store.ClientFor(otherBuyer).GetAsync("/api/quote-requests")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), r => r.Id() == id);

        var accepted = await (await AcceptAsync(Identity.DepartmentBuyer, id, 2)).AssertJsonAsync(HttpStatusCode.Created);
        Assert.Equal(23.00m, accepted.GetProperty("order").GetProperty("subtotal").GetDecimal());
        await (await store.ClientFor(Identity.DepartmentBuyer).PostJsonAsync($"/api/quote-requests/{id}/withdraw", new { reason = "late" }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "invalid-state");
    }
}

public sealed class NegotiationApiTestsOnSqlite(SqliteStoreFactory store) : NegotiationApiTests(store), IClassFixture<SqliteStoreFactory>;

public sealed class NegotiationApiTestsOnPostgres(PostgresStoreFactory store) : NegotiationApiTests(store), IClassFixture<PostgresStoreFactory>;

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InternalStore.Api.Tests.Infrastructure;

namespace InternalStore.Api.Tests.Checkout;

/// <summary>Builders for the checkout suites: a product of its own, an order of it, a checkout.</summary>
public sealed class CheckoutScenario(StoreFactory store)
{
    public async Task<string> NewProductAsync(int stock = 50, decimal listPrice = 20.00m, decimal unitCost = 8.00m)
    {
        var sku = "K-" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        await (await store.ClientFor(Identity.Catalog).PostJsonAsync("/api/products", new
        {
            sku, name = "Checkout test item", category = "office", listPrice, unitCost, stockOnHand = stock,
        })).AssertJsonAsync(HttpStatusCode.Created);
        return sku;
    }

    public async Task<JsonElement> PlaceAsync(Identity buyer, params (string Sku, int Quantity)[] lines)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders")
        {
            Headers = { { "Idempotency-Key", Guid.NewGuid().ToString() } },
            Content = JsonContent.Create(new { lines = lines.Select(l => new { sku = l.Sku, quantity = l.Quantity }) }),
        };
        return await (await store.ClientFor(buyer).SendAsync(request)).AssertJsonAsync(HttpStatusCode.Created);
    }

    public Task<HttpResponseMessage> CheckoutAsync(Identity buyer, Guid orderId, object body, string? key = null) =>
        store.ClientFor(buyer).SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/orders/{orderId}/checkout")
        {
            Headers = { { "Idempotency-Key", key ?? Guid.NewGuid().ToString() } },
            Content = JsonContent.Create(body),
        });

    public Task<HttpResponseMessage> RefundAsync(Identity caller, Guid orderId, object body, string? key = null) =>
        store.ClientFor(caller).SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/orders/{orderId}/refunds")
        {
            Headers = { { "Idempotency-Key", key ?? Guid.NewGuid().ToString() } },
            Content = JsonContent.Create(body),
        });

    public async Task<JsonElement> OrderAsync(Guid id) =>
        await (await store.ClientFor(Identity.GroupFinance).GetAsync($"/api/orders/{id}")).AssertJsonAsync(HttpStatusCode.OK);

    public async Task<int> StockAsync(string sku) =>
        (await (await store.ClientFor(Identity.Catalog).GetAsync($"/api/products/{sku}")).AssertJsonAsync(HttpStatusCode.OK))
        .GetProperty("stockOnHand").GetInt32();

    public async Task<(decimal Used, decimal Reserved)> AllowanceAsync(Identity employee)
    {
        var allowance = await (await store.ClientFor(employee).GetAsync("/api/me/allowance")).AssertJsonAsync(HttpStatusCode.OK);
        return (allowance.GetProperty("used").GetDecimal(), allowance.GetProperty("reserved").GetDecimal());
    }
}

internal static class JsonElementExtensions
{
    public static Guid Id(this JsonElement element) => element.GetProperty("id").GetGuid();
    public static string Status(this JsonElement element) => element.GetProperty("status").GetString()!;
}

using System.Net;
using System.Text.RegularExpressions;
using InternalStore.Api.Tests.Checkout;
using InternalStore.Api.Tests.Console;
using InternalStore.Api.Tests.Infrastructure;

namespace InternalStore.Api.Tests.Shop;

/// <summary>A store with Stripe (the local fake), a publishable key for Stripe.js and one storefront origin allowed.</summary>
public sealed class SqliteShopStripeStoreFactory : SqliteStoreFactory
{
    public const string StorefrontOrigin = "https://storefront.example";

    protected override bool WithStripe => true;

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Stripe:PublishableKey"] = "pk_test_fake_internalstore",
        ["Cors:AllowedOrigins:0"] = StorefrontOrigin,
    };
}

/// <summary>Card payment from the shop (Stripe's Payment Element on its own page) and a storefront on another origin.</summary>
public sealed partial class ShopCardAndCorsTests(SqliteShopStripeStoreFactory store) : IClassFixture<SqliteShopStripeStoreFactory>
{
    [Fact]
    public async Task Card_checkout_leads_to_the_payment_element_with_the_order_s_intent_and_the_webhook_pays_it()
    {
        var sku = await new CheckoutScenario(store).NewProductAsync(listPrice: 25m, unitCost: 10m);
        using var session = await ConsoleSession.SignInAsync(store, "E1002", "/shop");
        using (await session.PostFormAsync("/shop/cart", "/shop/cart?handler=Set", new() { ["sku"] = sku, ["quantity"] = "2" }))
        {
        }

        var checkout = await session.Client.GetStringAsync("/shop/checkout");
        Assert.Contains("Continue to card payment", checkout, StringComparison.Ordinal);
        var key = KeyField().Match(checkout).Groups[1].Value;
        using var confirmed = await session.PostFormAsync("/shop/checkout", "/shop/checkout", new() { ["key"] = key, ["method"] = "card" });
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var payUrl = confirmed.Headers.Location!.OriginalString;
        Assert.Matches("^/shop/orders/[0-9a-f-]{36}/pay", payUrl);
        var orderId = Guid.Parse(payUrl.Split('/')[3]);

        using var pay = await session.Client.GetAsync($"/shop/orders/{orderId}/pay");
        var page = await pay.Content.ReadAsStringAsync();
        var intent = Assert.Single(store.Stripe.IntentsFor(orderId));
        Assert.Contains($"data-client-secret=\"{intent["client_secret"]}\"", page, StringComparison.Ordinal);
        Assert.Contains("data-publishable-key=\"pk_test_fake_internalstore\"", page, StringComparison.Ordinal);
        Assert.Contains("<script src=\"https://js.stripe.com/v3/\">", page, StringComparison.Ordinal);
        var placed = await new CheckoutScenario(store).OrderAsync(orderId);
        Assert.Equal(placed.GetProperty("subtotal").GetDecimal() * 100, intent["amount"]!.GetValue<long>());
        var csp = pay.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self' https://js.stripe.com", csp, StringComparison.Ordinal);
        using (var other = await session.Client.GetAsync("/shop/cart"))
            Assert.DoesNotContain("js.stripe.com", other.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);

        // Opening the page again (a reload) resumes the same intent; the checkout again with the same key is one order.
        using (await session.Client.GetAsync($"/shop/orders/{orderId}/pay"))
            Assert.Single(store.Stripe.IntentsFor(orderId));
        using (var again = await session.PostFormAsync("/shop/checkout", "/shop/checkout", new() { ["key"] = key, ["method"] = "card" }))
            Assert.Equal(payUrl, again.Headers.Location!.OriginalString);

        var intentId = intent["id"]!.GetValue<string>();
        store.Stripe.Succeed(intentId);
        var (body, signature) = FakeStripe.SignedEvent("payment_intent.succeeded", store.Stripe.Intent(intentId));
        using var webhook = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/stripe") { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        webhook.Headers.TryAddWithoutValidation("Stripe-Signature", signature);
        await (await store.CreateClient().SendAsync(webhook)).AssertJsonAsync(HttpStatusCode.OK);

        var order = await session.Client.GetStringAsync($"/shop/orders/{orderId}");
        Assert.Contains("order-status\">Paid", order, StringComparison.Ordinal);
        Assert.Contains("nothing to pay", await session.Client.GetStringAsync($"/shop/orders/{orderId}/pay"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_storefront_on_an_allowed_origin_may_call_the_api_from_the_browser_and_another_may_not()
    {
        var client = store.CreateClient();
        foreach (var (origin, allowed) in new[] { (SqliteShopStripeStoreFactory.StorefrontOrigin, true), ("https://evil.example", false) })
        {
            using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/quotes");
            preflight.Headers.Add("Origin", origin);
            preflight.Headers.Add("Access-Control-Request-Method", "POST");
            preflight.Headers.Add("Access-Control-Request-Headers", "content-type,x-api-key");
            using var response = await client.SendAsync(preflight);

            Assert.True(response.StatusCode is HttpStatusCode.NoContent or HttpStatusCode.OK, $"{origin}: {(int)response.StatusCode}");
            if (allowed)
            {
                Assert.Equal(origin, response.Headers.GetValues("Access-Control-Allow-Origin").Single());
                Assert.Contains("POST", response.Headers.GetValues("Access-Control-Allow-Methods").Single(), StringComparison.Ordinal);
                Assert.Contains("x-api-key", response.Headers.GetValues("Access-Control-Allow-Headers").Single(), StringComparison.OrdinalIgnoreCase);
            }
            else
            {
                Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"), origin);
            }

            using var get = new HttpRequestMessage(HttpMethod.Get, "/api/products?pageSize=1");
            get.Headers.Add("Origin", origin);
            get.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", store.Token(Identity.Employee));
            using var answer = await client.SendAsync(get);
            Assert.Equal(allowed, answer.Headers.Contains("Access-Control-Allow-Origin"));
        }
    }

    [GeneratedRegex("name=\"key\" value=\"([0-9a-f]{32})\"")]
    private static partial Regex KeyField();
}

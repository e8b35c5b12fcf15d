using System.Net;
using InternalStore.Api.Tests.Checkout;
using InternalStore.Api.Tests.Console;
using InternalStore.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace InternalStore.Api.Tests.Shop;

/// <summary>
/// Every shop page (discovered from the app) for every kind of person: buyers open them, staff without
/// a buying role get a page saying what the shop is for (403, not a 500), nobody without a session
/// gets past sign-in, and a buyer never sees another's order or cart.
/// </summary>
public sealed class ShopAccessTests(SqliteStoreFactory store) : IClassFixture<SqliteStoreFactory>
{
    private static readonly (string Subject, bool Buys)[] People =
        [("E1001", true), ("E1004", true), ("D1200", true), ("A3001", true), ("H9001", false), ("F9001", false), ("C9001", false),
         ("S4100", false)];

    /// <summary>Pages for one kind of buyer: the rest of the buyers get a page saying whose they are (403).</summary>
    private static readonly Dictionary<string, string> PageBuyers = new(StringComparer.Ordinal) { ["/shop/statement"] = "D1200" };

    private IEnumerable<string> ShopPages() => store.Services.GetRequiredService<EndpointDataSource>().Endpoints
        .OfType<RouteEndpoint>()
        .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
        .Where(p => p.StartsWith("/shop", StringComparison.Ordinal) && p is not ("/shop/sign-in" or "/shop/sign-out"))
        .Distinct().Order(StringComparer.Ordinal);

    private static string Url(string pattern) => pattern
        .Replace("{id:guid}", "00000000-0000-0000-0000-000000000001", StringComparison.Ordinal)
        .Replace("{sku}", "LAP-13", StringComparison.Ordinal);

    [Fact]
    public async Task Buyers_open_every_page_and_staff_are_told_what_the_shop_is_for()
    {
        Assert.True(ShopPages().Count() >= 8, string.Join(", ", ShopPages()));
        var failures = new List<string>();
        foreach (var (subject, buys) in People)
        {
            using var session = await ConsoleSession.SignInAsync(store, subject, "/shop");
            foreach (var page in ShopPages())
            {
                using var response = await session.Client.GetAsync(Url(page));
                var status = (int)response.StatusCode;
                var body = await response.Content.ReadAsStringAsync();
                var notTheirs = buys && PageBuyers.TryGetValue(page, out var only) && only != subject;
                var expected = buys && !notTheirs ? page.Contains("{id:guid}", StringComparison.Ordinal) ? 404 : 200 : 403;
                if (status != expected)
                    failures.Add($"{page} as {subject}: {status}, expected {expected}");
                else if (notTheirs && !body.Contains("Statements are for departments", StringComparison.Ordinal))
                    failures.Add($"{page} as {subject}: the 403 does not say whose page it is");
                else if (!buys && !body.Contains("The shop is for buyers", StringComparison.Ordinal))
                    failures.Add($"{page} as {subject}: the 403 does not say what the shop is for");
                else if (buys && status == 200 && response.Headers.CacheControl?.NoStore != true)
                    failures.Add($"{page} as {subject}: a buyer's page may be cached");
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task Without_a_session_every_page_and_the_site_root_lead_to_sign_in()
    {
        using var client = store.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using (var root = await client.GetAsync("/"))
        {
            Assert.Equal(HttpStatusCode.Redirect, root.StatusCode);
            Assert.Equal("/shop", root.Headers.Location!.OriginalString);
        }

        foreach (var page in ShopPages())
        {
            using var response = await client.GetAsync(Url(page));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/shop/sign-in", response.Headers.Location!.AbsolutePath);
        }
    }

    [Fact]
    public async Task The_console_session_does_not_open_the_shop_nor_the_shop_session_the_console()
    {
        using var staff = await ConsoleSession.SignInAsync(store, "H9001");
        using (var shop = await staff.Client.GetAsync("/shop"))
            Assert.Equal("/shop/sign-in", shop.Headers.Location!.AbsolutePath);
        using var buyer = await ConsoleSession.SignInAsync(store, "E1001", "/shop");
        using var console = await buyer.Client.GetAsync("/console");
        Assert.Equal("/console/sign-in", console.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task Sign_in_returns_only_to_shop_pages_and_forms_need_their_antiforgery_token()
    {
        using var session = new ConsoleSession(store.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false }));
        using var evil = await session.PostFormAsync("/shop/sign-in", "/shop/sign-in?handler=Demo",
            new() { ["subject"] = "E1001", ["returnUrl"] = "https://evil.example/phish" });
        using var console = await session.PostFormAsync("/shop/sign-in", "/shop/sign-in?handler=Demo",
            new() { ["subject"] = "E1001", ["returnUrl"] = "/console/hr/people" });
        using var good = await session.PostFormAsync("/shop/sign-in", "/shop/sign-in?handler=Demo",
            new() { ["subject"] = "E1001", ["returnUrl"] = "/shop/cart" });
        Assert.Equal("/shop", evil.Headers.Location!.OriginalString);
        Assert.Equal("/shop", console.Headers.Location!.OriginalString);
        Assert.Equal("/shop/cart", good.Headers.Location!.OriginalString);

        using var forged = await session.Client.PostAsync("/shop?handler=Add",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["sku"] = "LAP-13", ["quantity"] = "1" }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.DoesNotContain("data-sku=\"LAP-13\"", await session.Client.GetStringAsync("/shop/cart"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_buyer_never_sees_another_buyers_order_or_cart()
    {
        var given = new CheckoutScenario(store);
        var sku = await given.NewProductAsync();
        var order = await given.PlaceAsync(Identity.Employee, (sku, 1));
        using var alice = await ConsoleSession.SignInAsync(store, "E1001", "/shop");
        using (await alice.PostFormAsync("/shop", "/shop?handler=Add", new() { ["sku"] = sku, ["quantity"] = "2" }))
        {
        }

        Assert.Contains($"data-sku=\"{sku}\"", await alice.Client.GetStringAsync("/shop/cart"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await alice.Client.GetAsync($"/shop/orders/{order.Id()}")).StatusCode);

        using var bram = await ConsoleSession.SignInAsync(store, "E1002", "/shop");
        Assert.DoesNotContain(sku, await bram.Client.GetStringAsync("/shop/cart"), StringComparison.Ordinal);
        Assert.DoesNotContain(order.Id().ToString(), await bram.Client.GetStringAsync("/shop/orders"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await bram.Client.GetAsync($"/shop/orders/{order.Id()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bram.Client.GetAsync($"/shop/orders/{order.Id()}/pay")).StatusCode);
        // Finance may see the order through the API, but the shop shows buyers their own orders only.
        using var dispatch = await ConsoleSession.SignInAsync(store, "D1200", "/shop");
        Assert.Equal(HttpStatusCode.NotFound, (await dispatch.Client.GetAsync($"/shop/orders/{order.Id()}")).StatusCode);
    }
}

using System.Text.RegularExpressions;
using InternalStore.Api.Tests.Console;
using Microsoft.Playwright;

namespace InternalStore.Api.Tests.Shop;

/// <summary>A negotiation in Debian's Chromium: a department asks from its cart, finance offers under the standard price, a second finance person approves, the department accepts.</summary>
public sealed partial class NegotiationBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Dispatch_asks_finance_offers_a_second_person_approves_and_the_accept_is_a_charged_back_order()
    {
        var buyer = await browser.ShopPageAsync("D1200");
        await buyer.GotoAsync("/shop/products/MON-27");
        await buyer.GetByLabel("Quantity", new() { Exact = true }).FillAsync("5");
        await buyer.GetByRole(AriaRole.Button, new() { Name = "Add to cart" }).ClickAsync();
        await buyer.GotoAsync("/shop/cart");
        await buyer.GetByRole(AriaRole.Link, new() { Name = "Ask finance for a better price on this cart" }).ClickAsync();
        await Axe.AssertNoneAsync(buyer);
        await buyer.GetByLabel("Target unit price for 27-inch monitor").FillAsync("240");
        await buyer.GetByLabel("Comment for finance").FillAsync("five for the new line");
        await buyer.GetByRole(AriaRole.Button, new() { Name = "Send the request" }).ClickAsync();
        await buyer.WaitForURLAsync(QuotePage());
        await Assertions.Expect(buyer.Locator("#quote-status")).ToHaveTextAsync("submitted");
        var id = new Uri(buyer.Url).AbsolutePath.Split('/')[^1];

        var finance = await browser.SignedInPageAsync("F9001");
        await finance.GetByRole(AriaRole.Navigation, new() { Name = "Sections" }).GetByRole(AriaRole.Link, new() { Name = "Quote requests" }).ClickAsync();
        await Assertions.Expect(finance.GetByRole(AriaRole.Table, new() { Name = "Quote requests" })).ToContainTextAsync("D1200");
        await finance.GotoAsync($"/console/finance/quotes/{id}");
        var editor = finance.GetByRole(AriaRole.Table, new() { Name = "Offer editor" });
        await Assertions.Expect(editor).ToContainTextAsync("241.00"); // unit cost and floor
        await Assertions.Expect(editor).ToContainTextAsync("248.23"); // the standard transfer price
        await finance.GetByLabel("Offer unit price for MON-27").FillAsync("240.50");
        await finance.GetByRole(AriaRole.Button, new() { Name = "Send offer" }).ClickAsync();
        await Assertions.Expect(finance.GetByRole(AriaRole.Alert)).ToContainTextAsync("below the floor");
        await finance.GetByLabel("Offer unit price for MON-27").FillAsync("244");
        await finance.GetByRole(AriaRole.Button, new() { Name = "Send offer" }).ClickAsync();
        await Assertions.Expect(finance.GetByRole(AriaRole.Status)).ToContainTextAsync("waits for a second finance person's approval");
        await Assertions.Expect(finance.GetByText("not yours: you wrote it")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(finance, "finance-quote");

        await buyer.ReloadAsync();
        await Assertions.Expect(buyer.GetByText("No offer yet")).ToBeVisibleAsync(); // not before the approval

        var second = await browser.SignedInPageAsync("F9002");
        await second.GotoAsync("/console/finance/quotes");
        await Assertions.Expect(second.GetByRole(AriaRole.Table, new() { Name = "Approval queue" })).ToContainTextAsync("F9001");
        await second.GotoAsync($"/console/finance/quotes/{id}");
        await second.GetByLabel("Reason for the price below standard").FillAsync("five units, repeat buyer");
        await second.GetByRole(AriaRole.Button, new() { Name = "Approve v1" }).ClickAsync();
        await Assertions.Expect(second.GetByRole(AriaRole.Status)).ToContainTextAsync("approved");

        await buyer.ReloadAsync();
        var offer = buyer.GetByRole(AriaRole.Table, new() { Name = "Offer v1 with its cost basis" });
        await Assertions.Expect(offer).ToContainTextAsync("244.00 USD");
        await Assertions.Expect(offer).ToContainTextAsync("241.00 USD");
        await Assertions.Expect(offer).ToContainTextAsync("248.23 USD");
        await Axe.AssertNoneAsync(buyer);
        await BrowserFixture.ScreenshotAsync(buyer, "shop-quote");
        await buyer.GetByRole(AriaRole.Button, new() { Name = "Accept offer v1" }).ClickAsync();

        await buyer.WaitForURLAsync(new Regex("/shop/orders/[0-9a-f-]{36}$"));
        await Assertions.Expect(buyer.Locator("#order-status")).ToHaveTextAsync("Paid");
        await Assertions.Expect(buyer.GetByRole(AriaRole.Heading, new() { Name = "Charged back to your cost centre" })).ToBeVisibleAsync();
        await Assertions.Expect(buyer.GetByRole(AriaRole.Table, new() { Name = "Order lines" })).ToContainTextAsync("1,220.00 USD");
        await buyer.GetByText("Why this price").ClickAsync();
        await Assertions.Expect(buyer.Locator(".price-words")).ToContainTextAsync("Negotiated offer v1");

        // Finance keeps the accepted price as a standing agreement for Dispatch; the shop prices the next order with it.
        await finance.GotoAsync($"/console/finance/quotes/{id}");
        await finance.GetByLabel("To", new() { Exact = true }).FillAsync(DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd"));
        await finance.GetByRole(AriaRole.Button, new() { Name = "Make standing agreement" }).ClickAsync();
        await Assertions.Expect(finance.GetByRole(AriaRole.Status)).ToContainTextAsync("(MON-27 at 244.00) made for CC-1200");
        await finance.GetByRole(AriaRole.Link, new() { Name = "All agreements" }).ClickAsync();
        var agreements = finance.GetByRole(AriaRole.Table, new() { Name = "Agreements" });
        await Assertions.Expect(agreements).ToContainTextAsync("CC-1200");
        await Assertions.Expect(agreements).ToContainTextAsync("active");
        await Axe.AssertNoneAsync(finance);
        await BrowserFixture.ScreenshotAsync(finance, "finance-agreements");

        await buyer.GotoAsync("/shop/quotes");
        await Assertions.Expect(buyer.GetByRole(AriaRole.Table, new() { Name = "Standing prices" })).ToContainTextAsync("244.00 USD");
        await buyer.GotoAsync("/shop/products/MON-27");
        await Assertions.Expect(buyer.Locator("#price-words")).ToContainTextAsync("Negotiated agreement");

        await finance.GetByLabel(new Regex("^Why agreement \\d+ ends$")).First.FillAsync("line trial over");
        await finance.GetByRole(AriaRole.Button, new() { Name = "End" }).First.ClickAsync();
        await Assertions.Expect(finance.GetByRole(AriaRole.Status)).ToContainTextAsync("the standard price applies");
        await buyer.ReloadAsync();
        await Assertions.Expect(buyer.GetByText("248.23 USD").First).ToBeVisibleAsync();
    }

    [GeneratedRegex("/shop/quotes/[0-9a-f-]{36}$")]
    private static partial Regex QuotePage();
}

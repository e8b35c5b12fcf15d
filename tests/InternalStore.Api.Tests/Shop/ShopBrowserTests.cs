using System.Text.RegularExpressions;
using InternalStore.Api.Tests.Checkout;
using InternalStore.Api.Tests.Console;
using InternalStore.Api.Tests.Infrastructure;
using Microsoft.Playwright;

namespace InternalStore.Api.Tests.Shop;

/// <summary>The shop in Debian's Chromium: what employees, a department buyer and an affiliate buyer do, checked with axe-core.</summary>
public sealed partial class ShopBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static ILocator Nav(IPage page, string name) =>
        page.GetByRole(AriaRole.Navigation, new() { Name = "Shop" }).GetByRole(AriaRole.Link, new() { Name = name, Exact = true });

    private static async Task<string> TextAsync(IPage page, string selector) => (await page.Locator(selector).InnerTextAsync()).Trim();

    [Fact]
    public async Task An_employee_searches_buys_three_items_by_payroll_over_three_pay_periods_and_sees_the_schedule()
    {
        var page = await browser.ShopPageAsync("E1001");
        await Axe.AssertNoneAsync(page);
        var remainingBefore = await TextAsync(page, "#allowance-remaining");

        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Search" }).FillAsync("headphones");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        var products = page.GetByRole(AriaRole.List, new() { Name = "Products" });
        var headphones = products.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Headphones" });
        await Assertions.Expect(headphones.Locator(".yours")).ToContainTextAsync("Your price");
        await Assertions.Expect(headphones.Locator(".list s")).ToHaveTextAsync("199.99 USD");
        await Assertions.Expect(headphones.Locator(".yours")).ToContainTextAsync("179.99 USD"); // 20 % capped at 10 % for electronics
        await headphones.GetByRole(AriaRole.Button, new() { Name = "Add to cart: Headphones" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Added 1 × HDP-01");

        await page.GetByRole(AriaRole.Link, new() { Name = "Headphones" }).ClickAsync();
        await Assertions.Expect(page.Locator("#price-words")).ToContainTextAsync("For electronics the staff discount is capped at 10 %.");
        await Axe.AssertNoneAsync(page);

        await page.GotoAsync("/shop?category=apparel");
        var apparel = page.GetByRole(AriaRole.List, new() { Name = "Products" }).GetByRole(AriaRole.Listitem);
        await apparel.Nth(0).GetByRole(AriaRole.Button, new() { Name = "to cart" }).ClickAsync();
        await page.GetByRole(AriaRole.List, new() { Name = "Products" }).GetByRole(AriaRole.Listitem).Nth(1)
            .GetByRole(AriaRole.Button, new() { Name = "to cart" }).ClickAsync();

        await Nav(page, "Cart").ClickAsync();
        var lines = page.GetByRole(AriaRole.Table, new() { Name = "Cart lines" }).Locator("tbody tr");
        await Assertions.Expect(lines).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("#cart-totals")).ToContainTextAsync("Taken from your allowance by this cart");
        await Axe.AssertNoneAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Check out" }).ClickAsync();
        await page.GetByLabel("Pay periods").SelectOptionAsync("3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show the schedule" }).ClickAsync();
        var preview = page.GetByRole(AriaRole.Table, new() { Name = "Deduction schedule" }).Locator("tbody tr");
        await Assertions.Expect(preview).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("section.method")).ToHaveCountAsync(2); // payroll open, card closed (no Stripe)
        await Assertions.Expect(page.Locator("section.method section")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("section.method").First).ToContainTextAsync("Pay by payroll deduction");
        await Assertions.Expect(page.Locator("section.method").Last).ToContainTextAsync("Card payment is not offered by this store");
        await Axe.AssertNoneAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "shop-checkout");
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm: deduct from my pay over 3 pay periods" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("placed and paid");
        await Assertions.Expect(page.Locator("#order-status")).ToHaveTextAsync("Paid");
        var schedule = page.GetByRole(AriaRole.Table, new() { Name = "Deduction schedule" }).Locator("tbody tr");
        await Assertions.Expect(schedule).ToHaveCountAsync(3);
        await Assertions.Expect(schedule.First).ToContainTextAsync("To be deducted");
        await Assertions.Expect(page.Locator("#left-to-deduct")).ToContainTextAsync("USD");
        await Axe.AssertNoneAsync(page);

        await Nav(page, "Catalog").ClickAsync();
        Assert.NotEqual(remainingBefore, await TextAsync(page, "#allowance-remaining"));
        await Nav(page, "My benefits").ClickAsync();
        await Assertions.Expect(page.Locator("#benefit-totals")).ToContainTextAsync("Discounts this year");
        await Axe.AssertNoneAsync(page);
    }

    [Fact]
    public async Task A_double_submitted_or_resent_checkout_places_one_order_and_one_schedule()
    {
        var sku = await new CheckoutScenario(browser.Store).NewProductAsync(stock: 20, listPrice: 12m, unitCost: 4m);
        var page = await browser.ShopPageAsync("E1002");
        await page.GotoAsync($"/shop/products/{sku}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add to cart" }).ClickAsync();
        await page.GotoAsync("/shop/checkout");
        var form = page.Locator("form[method=post]").Filter(new() { Has = page.Locator("input[name=method][value=payroll]") });
        var fields = new Dictionary<string, string>();
        foreach (var input in await form.Locator("input[type=hidden]").AllAsync())
            fields[(await input.GetAttributeAsync("name"))!] = (await input.GetAttributeAsync("value"))!;
        var before = await StoreRows.CountAsync(browser.Store);

        await form.GetByRole(AriaRole.Button).DblClickAsync();
        await page.WaitForURLAsync(new Regex("/shop/orders/[0-9a-f-]{36}$"));
        var orderUrl = new Uri(page.Url).AbsolutePath;
        // The same form sent again (the browser's resend): the same order, nothing new.
        var resent = await page.APIRequest.PostAsync("/shop/checkout", new() { Form = FormOf(page, fields), MaxRedirects = 0 });
        Assert.Equal(302, resent.Status);
        Assert.Equal(orderUrl, resent.Headers["location"]);

        var after = await StoreRows.CountAsync(browser.Store);
        var (b, a) = (before.Split(','), after.Split(','));
        Assert.Equal(int.Parse(b[0]) + 1, int.Parse(a[0])); // one order
        Assert.Equal(int.Parse(b[13]) + 1, int.Parse(a[13])); // one payroll schedule
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Deduction schedule" }).Locator("tbody tr")).ToHaveCountAsync(1);
    }

    private static IFormData FormOf(IPage page, Dictionary<string, string> fields)
    {
        var form = page.APIRequest.CreateFormData();
        foreach (var (name, value) in fields)
            form.Set(name, value);
        return form;
    }

    [Fact]
    public async Task An_employee_cancels_an_unpaid_order_and_asks_for_a_refund_of_a_paid_one()
    {
        var given = new CheckoutScenario(browser.Store);
        var sku = await given.NewProductAsync(stock: 20, listPrice: 30m, unitCost: 10m);
        var unpaid = await given.PlaceAsync(Identity.Employee, (sku, 2));
        var paid = await given.PlaceAsync(Identity.Employee, (sku, 3));
        await (await given.CheckoutAsync(Identity.Employee, paid.Id(), new { method = "payroll", installments = 2 }))
            .AssertJsonAsync(System.Net.HttpStatusCode.OK);

        var page = await browser.ShopPageAsync("E1001");
        await Nav(page, "My orders").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "My orders" })).ToContainTextAsync("Awaiting payment");
        await Axe.AssertNoneAsync(page);

        await page.GotoAsync($"/shop/orders/{unpaid.Id()}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel this order" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("cancelled");
        await Assertions.Expect(page.Locator("#order-status")).ToHaveTextAsync("Cancelled");
        Assert.Equal(20 - 3, await given.StockAsync(sku));

        await page.GotoAsync($"/shop/orders/{paid.Id()}");
        await page.GetByLabel("Units of Checkout test item to refund").FillAsync("1");
        await page.GetByLabel("Reason").FillAsync("one too many");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ask for the refund" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Refund of");
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Refunds" })).ToContainTextAsync("one too many");
        await Assertions.Expect(page.Locator("#order-status")).ToHaveTextAsync("Partly refunded");
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Deduction schedule" })).ToContainTextAsync("Cancelled by a refund");
        await Axe.AssertNoneAsync(page);
    }

    [Fact]
    public async Task A_line_over_its_quantity_limit_is_explained_before_ordering()
    {
        var page = await browser.ShopPageAsync("E2001");
        await page.GotoAsync("/shop/products/HDP-01?quantity=4");
        await Assertions.Expect(page.Locator("#price-words")).ToContainTextAsync("At most 3 in 30 days");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add to cart" }).ClickAsync();
        await Nav(page, "Cart").ClickAsync();
        var line = page.Locator("tr[data-sku='HDP-01']");
        await Assertions.Expect(line.GetByRole(AriaRole.Note)).ToContainTextAsync("The quantity limit leaves you 3 for now");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("cannot be ordered as they are");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Check out" })).ToHaveCountAsync(0);
        await Axe.AssertNoneAsync(page);

        await line.GetByRole(AriaRole.Spinbutton, new() { Name = "Quantity of Headphones" }).FillAsync("3");
        await line.GetByRole(AriaRole.Button, new() { Name = "Update quantity of Headphones" }).ClickAsync();
        await Assertions.Expect(page.Locator("tr[data-sku='HDP-01']").GetByRole(AriaRole.Note)).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Check out" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_leaver_sees_external_prices_and_is_told_how_they_can_pay()
    {
        var page = await browser.ShopPageAsync("E1004");
        var banner = page.GetByRole(AriaRole.Alert);
        await Assertions.Expect(banner).ToContainTextAsync("You cannot pay for an order here now.");
        await Assertions.Expect(banner).ToContainTextAsync("your employment has ended");
        await Assertions.Expect(banner).ToContainTextAsync("Card payment is not offered by this store");
        await Assertions.Expect(page.Locator("#priced-as")).ToContainTextAsync("the external price");
        await page.GotoAsync("/shop?q=headphones");
        var headphones = page.GetByRole(AriaRole.List, new() { Name = "Products" }).GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Headphones" });
        await Assertions.Expect(headphones.Locator(".yours")).ToContainTextAsync("199.99 USD"); // no staff discount
        await Assertions.Expect(headphones.Locator(".list")).ToHaveCountAsync(0);
        await Axe.AssertNoneAsync(page);
        await page.GotoAsync("/shop/products/LAP-13");
        await Assertions.Expect(page.Locator("#price-words")).ToContainTextAsync("Your employment has ended");
    }

    [Fact]
    public async Task A_department_buyer_checks_out_by_chargeback_and_an_affiliate_buyer_by_invoice()
    {
        var page = await browser.ShopPageAsync("D1200");
        await Assertions.Expect(page.Locator("#priced-as")).ToContainTextAsync("transfer price");
        await page.GotoAsync("/shop/products/MON-27");
        await Assertions.Expect(page.Locator("#price-words")).ToContainTextAsync("plus the internal markup of 3 %");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add to cart" }).ClickAsync();
        await page.GotoAsync("/shop/checkout");
        await Axe.AssertNoneAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm: charge my cost centre" }).ClickAsync();
        await Assertions.Expect(page.Locator("#order-status")).ToHaveTextAsync("Paid");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Charged back to your cost centre" })).ToBeVisibleAsync();

        var affiliate = await browser.ShopPageAsync("A3001");
        await Assertions.Expect(affiliate.Locator("#priced-as")).ToContainTextAsync("intercompany price");
        await affiliate.GotoAsync("/shop/products/MON-27");
        await affiliate.GetByRole(AriaRole.Button, new() { Name = "Add to cart" }).ClickAsync();
        await affiliate.GotoAsync("/shop/checkout");
        await affiliate.GetByRole(AriaRole.Button, new() { Name = "Confirm: invoice my company" }).ClickAsync();
        await Assertions.Expect(affiliate.GetByRole(AriaRole.Status)).ToContainTextAsync("paid when the invoice is settled");
        await Assertions.Expect(affiliate.GetByRole(AriaRole.Heading, new() { Name = "Invoice" })).ToContainTextAsync("ABC-");
        await Assertions.Expect(affiliate.GetByRole(AriaRole.Button, new() { Name = "Cancel this order" })).ToHaveCountAsync(0);
        await Axe.AssertNoneAsync(affiliate);
    }

    [Fact]
    public async Task Staff_without_a_buying_role_get_a_page_that_says_what_the_shop_is_for()
    {
        var context = await browser.Browser.NewContextAsync(new() { BaseURL = browser.Store.BaseAddress.ToString() });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/shop/sign-in");
        await Axe.AssertNoneAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in as H9001", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("The shop is for buyers");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "console" })).ToHaveAttributeAsync("href", "/console");
    }

    [Fact]
    public async Task At_375_pixels_the_catalog_the_cart_and_an_order_fit_and_pass_axe()
    {
        var page = await browser.ShopPageAsync("E1002", width: 375);
        await Axe.AssertNoneAsync(page);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 375"), "the catalog scrolls sideways at 375 px");
        await BrowserFixture.ScreenshotAsync(page, "shop-catalog-375");

        await page.GotoAsync("/shop/products/EBD-02");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add to cart" }).ClickAsync();
        await page.GotoAsync("/shop/products/KBD-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add to cart" }).ClickAsync();
        await page.GotoAsync("/shop/cart");
        await Axe.AssertNoneAsync(page);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 375"), "the cart scrolls sideways at 375 px");
        await BrowserFixture.ScreenshotAsync(page, "shop-cart-375");

        await page.GotoAsync("/shop/checkout");
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm: deduct from my pay over 1 pay period" }).ClickAsync();
        await Assertions.Expect(page.Locator("#order-status")).ToHaveTextAsync("Paid");
        await Axe.AssertNoneAsync(page);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 375"), "the order scrolls sideways at 375 px");
        await BrowserFixture.ScreenshotAsync(page, "shop-order-375");
    }
}

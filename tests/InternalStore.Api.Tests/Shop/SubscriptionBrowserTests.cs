using InternalStore.Api.Tests.Console;
using Microsoft.Playwright;

namespace InternalStore.Api.Tests.Shop;

/// <summary>
/// Services in Debian's Chromium: an employee subscribes at their price and cancels at once; catalog changes a
/// plan's price; HR ends a subscriber's plan; finance bills a pay date and reads what each provider is owed.
/// </summary>
public sealed class SubscriptionBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_employee_subscribes_and_cancels_and_staff_manage_plans_subscribers_and_billing()
    {
        var shop = await browser.ShopPageAsync("E1001");
        await shop.GetByRole(AriaRole.Link, new() { Name = "Services" }).ClickAsync();
        var audio = shop.GetByRole(AriaRole.Region, new() { Name = "Audio conferencing for one" }).First;
        await Assertions.Expect(audio.Locator("[data-test=per-period]")).ToHaveTextAsync("7.92 USD"); // silver: 20 % off 9.90
        await Assertions.Expect(audio.Locator("[data-test=first-charge]")).ToContainTextAsync(" on ");
        await Axe.AssertNoneAsync(shop);
        await audio.GetByRole(AriaRole.Button, new() { Name = "Subscribe to Audio conferencing for one" }).ClickAsync();
        await Assertions.Expect(shop.GetByRole(AriaRole.Status)).ToContainTextAsync("Subscribed to Audio conferencing for one");
        await Assertions.Expect(shop.GetByRole(AriaRole.Table, new() { Name = "My subscriptions" })).ToContainTextAsync("pending");
        await Assertions.Expect(audio.GetByText("You subscribe to Audio conferencing for one already.")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(shop, "shop-subscriptions");

        var manage = shop.GetByRole(AriaRole.Region, new() { Name = "Audio conferencing for one" }).Last;
        await manage.GetByLabel("Now (days already paid are credited)").CheckAsync();
        await manage.GetByLabel("Why").FillAsync("our team uses another tool");
        await manage.GetByRole(AriaRole.Button, new() { Name = "Cancel the subscription" }).ClickAsync();
        await Assertions.Expect(shop.GetByRole(AriaRole.Status)).ToContainTextAsync("Audio conferencing for one is cancelled");
        await Assertions.Expect(shop.GetByRole(AriaRole.Table, new() { Name = "My subscriptions" })).ToContainTextAsync("cancelled");

        var catalog = await browser.SignedInPageAsync("C9001");
        await catalog.GetByRole(AriaRole.Navigation, new() { Name = "Sections" }).GetByRole(AriaRole.Link, new() { Name = "Service plans" }).ClickAsync();
        var plans = catalog.GetByRole(AriaRole.Table, new() { Name = "Plans" });
        await Assertions.Expect(plans).ToContainTextAsync("DSL-100");
        await Axe.AssertNoneAsync(catalog);
        var dsl = plans.GetByRole(AriaRole.Row).Filter(new() { HasText = "DSL-100" });
        await dsl.GetByLabel("Price").FillAsync("42.00");
        await dsl.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(catalog.GetByRole(AriaRole.Status)).ToContainTextAsync("reaches existing subscribers from");

        var hr = await browser.SignedInPageAsync("H0001");
        await hr.GotoAsync("/console/hr/subscriptions");
        var subscribers = hr.GetByRole(AriaRole.Table, new() { Name = "Subscriptions" });
        await Assertions.Expect(subscribers).ToContainTextAsync("Bram de Vries");
        await Axe.AssertNoneAsync(hr);
        await hr.GetByLabel("Why end Bram de Vries's DSL internet 100 Mbit/s").FillAsync("moves abroad");
        await subscribers.GetByRole(AriaRole.Row).Filter(new() { HasText = "Bram de Vries" }).GetByRole(AriaRole.Button, new() { Name = "End" }).ClickAsync();
        await Assertions.Expect(hr.GetByRole(AriaRole.Status)).ToContainTextAsync("Bram de Vries's DSL internet 100 Mbit/s ends on");

        var finance = await browser.SignedInPageAsync("F0001");
        await finance.GotoAsync("/console/finance/subscriptions");
        await finance.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Run billing for ") }).ClickAsync();
        await Assertions.Expect(finance.GetByRole(AriaRole.Status)).ToContainTextAsync("Billed");
        await Assertions.Expect(finance.GetByRole(AriaRole.Table, new() { Name = "Totals per plan" })).ToContainTextAsync("Home contents insurance");
        await Assertions.Expect(finance.GetByRole(AriaRole.Table, new() { Name = "Charges" })).ToContainTextAsync("F9001");
        await Axe.AssertNoneAsync(finance);
        await BrowserFixture.ScreenshotAsync(finance, "finance-subscriptions");
    }
}

using System.Globalization;
using InternalStore.Api.Tests.Console;
using Microsoft.Playwright;

namespace InternalStore.Api.Tests.Shop;

/// <summary>
/// Internal services in Debian's Chromium: IT's provider records an hour for Marketing and sees the month's
/// running total move; finance closes last month and reads the report's chart; Dispatch's buyer disputes a
/// line of the closed statement in the shop; Packing's provider adjusts it.
/// </summary>
public sealed class InternalServiceBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static decimal Total(string text) => decimal.Parse(text, CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_provider_records_usage_finance_closes_the_month_and_a_department_disputes_a_line_the_supplier_adjusts()
    {
        var it = await browser.SignedInPageAsync("S4100");
        await it.GetByRole(AriaRole.Navigation, new() { Name = "Sections" }).GetByRole(AriaRole.Link, new() { Name = "Services", Exact = true }).ClickAsync();
        await Assertions.Expect(it.GetByRole(AriaRole.Table, new() { Name = "Rates of IT-SUPPORT-H" })).ToContainTextAsync("CC-5200");
        await Axe.AssertNoneAsync(it);
        await BrowserFixture.ScreenshotAsync(it, "console-services");

        await it.GetByRole(AriaRole.Link, new() { Name = "Record usage and see this month" }).ClickAsync();
        var before = Total(await it.Locator("#month-total").InnerTextAsync());
        await it.GetByLabel("Service", new() { Exact = true }).SelectOptionAsync("IT-SUPPORT-H");
        await it.GetByLabel("For", new() { Exact = true }).SelectOptionAsync("CC-5100");
        await it.GetByLabel("Quantity").FillAsync("1.5");
        await it.GetByLabel("Reference").FillAsync("TICKET-77");
        await it.GetByRole(AriaRole.Button, new() { Name = "Record" }).ClickAsync();
        await Assertions.Expect(it.GetByRole(AriaRole.Status)).ToContainTextAsync("Recorded");
        await Assertions.Expect(it.Locator("#month-total")).ToHaveTextAsync((before + 127.50m).ToString("0.00", CultureInfo.InvariantCulture)); // 1.5 h at 85.00
        await Assertions.Expect(it.GetByRole(AriaRole.Table, new() { NameRegex = new("^Entries of ") })).ToContainTextAsync("TICKET-77");
        await it.GetByLabel("Quantity").FillAsync("-1");
        await it.GetByRole(AriaRole.Button, new() { Name = "Record" }).ClickAsync();
        await Assertions.Expect(it.GetByRole(AriaRole.Alert)).ToContainTextAsync("quantity");
        await Axe.AssertNoneAsync(it);
        await BrowserFixture.ScreenshotAsync(it, "console-service-usage");

        var finance = await browser.SignedInPageAsync("F9001");
        var refused = new List<string>();
        var watching = false; // axe's own script sets inline styles as it measures; the page's drawing is what is watched
        finance.Console += (_, message) =>
        {
            if (watching && message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
                refused.Add($"{message.Location}: {message.Text}");
        };
        await finance.GetByRole(AriaRole.Navigation, new() { Name = "Sections" }).GetByRole(AriaRole.Link, new() { Name = "Month-end" }).ClickAsync();
        await finance.GetByRole(AriaRole.Button, new() { Name = "Close month" }).ClickAsync();
        await Assertions.Expect(finance.GetByRole(AriaRole.Status)).ToContainTextAsync("is closed for ABC");
        await Assertions.Expect(finance.GetByRole(AriaRole.Table, new() { Name = "Months" })).ToContainTextAsync("closed");
        await Axe.AssertNoneAsync(finance);
        await BrowserFixture.ScreenshotAsync(finance, "finance-month-end");
        watching = true;
        await finance.GetByRole(AriaRole.Link, new() { Name = "Internal costs report" }).ClickAsync();
        await Assertions.Expect(finance.Locator("svg[role=img] rect").First).ToBeVisibleAsync();
        await finance.WaitForLoadStateAsync(LoadState.Load);
        watching = false;
        Assert.True(refused.Count == 0, string.Join("\n", refused)); // the chart and its legend draw without inline styles the policy would block
        await Assertions.Expect(finance.GetByRole(AriaRole.Table, new() { Name = "Cost per consuming centre, service and month" })).ToContainTextAsync("CC-5200");
        await Axe.AssertNoneAsync(finance);
        await BrowserFixture.ScreenshotAsync(finance, "finance-internal-costs");

        var dispatch = await browser.ShopPageAsync("D1200");
        await dispatch.GetByRole(AriaRole.Link, new() { Name = "Statement" }).ClickAsync();
        await Assertions.Expect(dispatch.GetByText("closed", new() { Exact = true })).ToBeVisibleAsync();
        var total = Total(await dispatch.Locator("#statement-total").InnerTextAsync());
        Assert.Equal(Total(await dispatch.Locator("#goods-total").InnerTextAsync()) + Total(await dispatch.Locator("#services-total").InnerTextAsync()), total);
        var line = dispatch.GetByRole(AriaRole.Row).Filter(new() { HasText = "Pallet" }).First;
        await line.GetByLabel("Reason").FillAsync("two pallets were returned unpacked");
        await line.GetByRole(AriaRole.Button, new() { Name = "Dispute" }).ClickAsync();
        await Assertions.Expect(dispatch.GetByRole(AriaRole.Status)).ToContainTextAsync("Your dispute is with the supplier");
        await Assertions.Expect(dispatch.GetByText("Disputed: open")).ToBeVisibleAsync();
        await Axe.AssertNoneAsync(dispatch);
        await BrowserFixture.ScreenshotAsync(dispatch, "shop-statement");

        var packing = await browser.SignedInPageAsync("S1100");
        await packing.GotoAsync("/console/services/usage");
        var disputes = packing.GetByRole(AriaRole.Table, new() { Name = "Disputes" });
        await Assertions.Expect(disputes).ToContainTextAsync("two pallets were returned unpacked");
        await disputes.GetByLabel("Outcome").SelectOptionAsync("adjusted");
        await disputes.GetByLabel("Corrected amount").FillAsync("1.00");
        await disputes.GetByLabel("Reason").FillAsync("recounted with Dispatch");
        await disputes.GetByRole(AriaRole.Button, new() { Name = "Answer" }).ClickAsync();
        await Assertions.Expect(packing.GetByRole(AriaRole.Status)).ToContainTextAsync("Adjusted");
        await Assertions.Expect(disputes).ToContainTextAsync("adjusted to 1.00 in");
        await Axe.AssertNoneAsync(packing);

        await dispatch.ReloadAsync();
        await Assertions.Expect(dispatch.GetByText("Disputed: adjusted")).ToBeVisibleAsync();
    }
}

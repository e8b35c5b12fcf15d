using System.Net;
using InternalStore.Api.Tests.Checkout;
using InternalStore.Api.Tests.Console;
using InternalStore.Api.Tests.Infrastructure;
using Microsoft.Playwright;

namespace InternalStore.Api.Tests.Shop;

/// <summary>
/// The help desk in Debian's Chromium: an employee opens a case from an order page, HR answers, sets it
/// pending, and the employee's reply reopens it; a department asks about a statement line and finance
/// credits it from the case; the queue, the report and the calendar pages; the shop's notifications.
/// </summary>
public sealed class SupportBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_employee_opens_a_case_from_an_order_HR_answers_and_sets_it_pending_and_the_reply_reopens_it()
    {
        var given = new CheckoutScenario(browser.Store);
        var sku = await given.NewProductAsync(listPrice: 25.00m);
        var order = (await given.PlaceAsync(Identity.Employee, (sku, 2))).Id();
        await (await given.CheckoutAsync(Identity.Employee, order, new { method = "payroll", installments = 2 })).AssertJsonAsync(HttpStatusCode.OK);

        var alice = await browser.ShopPageAsync("E1001");
        await alice.GotoAsync($"/shop/orders/{order}");
        await alice.GetByRole(AriaRole.Link, new() { Name = "Get help with this order" }).ClickAsync();
        await Assertions.Expect(alice.Locator("#case-about")).ToContainTextAsync(order.ToString());
        await alice.GetByLabel("What is it about?").SelectOptionAsync("allowanceOrEligibility");
        await alice.GetByLabel("Subject").FillAsync("Allowance used twice " + sku);
        await alice.GetByLabel("What happened?").FillAsync("My allowance went down by more than this order used.");
        await Axe.AssertNoneAsync(alice);
        await BrowserFixture.ScreenshotAsync(alice, "shop-case-new");
        await alice.GetByRole(AriaRole.Button, new() { Name = "Open the case" }).ClickAsync();
        await Assertions.Expect(alice.GetByRole(AriaRole.Status)).ToContainTextAsync("HR answers it");
        var caseUrl = alice.Url;

        var hr = await browser.SignedInPageAsync("H9001");
        await hr.GetByRole(AriaRole.Navigation, new() { Name = "Sections" }).GetByRole(AriaRole.Link, new() { Name = "Help desk" }).ClickAsync();
        await hr.GetByRole(AriaRole.Link, new() { Name = "Allowance used twice " + sku }).ClickAsync();
        await Assertions.Expect(hr.Locator("#allowance")).ToContainTextAsync("used");
        await Assertions.Expect(hr.GetByRole(AriaRole.Table, new() { NameRegex = new("^Payment schedule of order ") })).ToContainTextAsync("scheduled");
        await hr.GetByLabel("Reply").FillAsync("Checking the ledger: it should show the order once.");
        await hr.GetByLabel("Internal note (never shown to the requester)").CheckAsync();
        await hr.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();
        await Assertions.Expect(hr.GetByRole(AriaRole.Status)).ToContainTextAsync("Note added");
        await hr.GetByLabel("Reply").FillAsync("Which pay slip shows the second amount?");
        await hr.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();
        await hr.GetByLabel("Move to").SelectOptionAsync("pending");
        await hr.GetByRole(AriaRole.Button, new() { Name = "Move", Exact = true }).ClickAsync();
        await Assertions.Expect(hr.Locator("#case-state")).ToHaveTextAsync("pending");
        await Axe.AssertNoneAsync(hr);
        await BrowserFixture.ScreenshotAsync(hr, "console-support-case");

        await alice.GotoAsync(caseUrl);
        await Assertions.Expect(alice.Locator("#case-state")).ToHaveTextAsync("waiting for your reply");
        await Assertions.Expect(alice.GetByRole(AriaRole.List, new() { Name = "Messages" })).ToContainTextAsync("Which pay slip");
        await Assertions.Expect(alice.GetByRole(AriaRole.List, new() { Name = "Messages" })).Not.ToContainTextAsync("Checking the ledger");
        await alice.GetByLabel("Your reply").FillAsync("The one of the 30th.");
        await alice.GetByRole(AriaRole.Button, new() { Name = "Send the reply" }).ClickAsync();
        await Assertions.Expect(alice.Locator("#case-state")).ToHaveTextAsync("open, being worked on");
        await Axe.AssertNoneAsync(alice);
        await BrowserFixture.ScreenshotAsync(alice, "shop-case");

        await alice.GetByRole(AriaRole.Link, new() { Name = "Notifications" }).ClickAsync();
        var notices = alice.GetByRole(AriaRole.List, new() { Name = "Notifications" });
        await Assertions.Expect(notices).ToContainTextAsync("Which pay slip");
        await Assertions.Expect(notices).ToContainTextAsync("Receipt: order");
        await Axe.AssertNoneAsync(alice);
        await BrowserFixture.ScreenshotAsync(alice, "shop-notifications");
    }

    [Fact]
    public async Task A_department_asks_about_a_statement_line_and_finance_credits_it_from_the_case()
    {
        var finance = await browser.SignedInPageAsync("F9001");
        await finance.GotoAsync("/console/finance/month-end");
        await finance.GetByRole(AriaRole.Button, new() { Name = "Close month" }).ClickAsync();
        await Assertions.Expect(finance.GetByRole(AriaRole.Status)).ToContainTextAsync("is closed for ABC");

        var dispatch = await browser.ShopPageAsync("D1200");
        await dispatch.GetByRole(AriaRole.Link, new() { Name = "Statement" }).ClickAsync();
        var line = dispatch.GetByRole(AriaRole.Row).Filter(new() { HasText = "Pallet" }).First;
        await line.GetByRole(AriaRole.Link, new() { Name = "Ask" }).ClickAsync();
        await Assertions.Expect(dispatch.GetByLabel("What is it about?")).ToHaveValueAsync("chargebackOrInvoiceLine");
        await dispatch.GetByLabel("Subject").FillAsync("Pallets charged that came back");
        await dispatch.GetByLabel("What happened?").FillAsync("Two of these pallets were returned unpacked.");
        await dispatch.GetByRole(AriaRole.Button, new() { Name = "Open the case" }).ClickAsync();
        await Assertions.Expect(dispatch.GetByRole(AriaRole.Status)).ToContainTextAsync("Finance answers it");

        await finance.GotoAsync("/console/support");
        await Assertions.Expect(finance.GetByRole(AriaRole.Table, new() { Name = "Queue" })).ToContainTextAsync("Pallets charged that came back");
        await Axe.AssertNoneAsync(finance);
        await BrowserFixture.ScreenshotAsync(finance, "console-support-queue");
        await finance.GetByRole(AriaRole.Link, new() { Name = "Pallets charged that came back" }).ClickAsync();
        await Assertions.Expect(finance.GetByRole(AriaRole.Heading, new() { NameRegex = new("^Statement line of ") })).ToBeVisibleAsync();
        await finance.GetByLabel("should come to").FillAsync("0");
        await finance.GetByLabel("Reason", new() { Exact = true }).Last.FillAsync("returned unpacked");
        await finance.GetByRole(AriaRole.Button, new() { Name = "Credit the line" }).ClickAsync();
        await Assertions.Expect(finance.GetByRole(AriaRole.Status)).ToContainTextAsync("Done: credit-statement-line");
        await Assertions.Expect(finance.GetByRole(AriaRole.List, new() { Name = "Messages" })).ToContainTextAsync("Action credit-statement-line");
        await Assertions.Expect(finance.GetByText("disputed (adjusted)")).ToBeVisibleAsync();

        await finance.GotoAsync("/console/support/report");
        await Assertions.Expect(finance.Locator("#report-summary")).ToContainTextAsync("cases");
        // The page shows the percentages the API computes (once shown as fractions of one).
        var summary = await finance.Locator("#report-summary").InnerTextAsync();
        var period = summary[..summary.IndexOf(':', StringComparison.Ordinal)].Split(" to ");
        var report = await (await browser.Store.ClientFor(Identity.Finance).GetAsync($"/api/support/report?from={period[0]}&to={period[1]}"))
            .AssertJsonAsync(System.Net.HttpStatusCode.OK);
        static string Share(System.Text.Json.JsonElement v) => v.ValueKind == System.Text.Json.JsonValueKind.Null ? "-"
            : v.GetDecimal().ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + " %";
        Assert.Contains($"first answers on time {Share(report.GetProperty("firstResponseAttainment"))}", summary, StringComparison.Ordinal);
        Assert.Contains($"resolved on time {Share(report.GetProperty("resolutionAttainment"))}", summary, StringComparison.Ordinal);
        await Assertions.Expect(finance.GetByRole(AriaRole.Table, new() { Name = "Volume by company and category" })).ToContainTextAsync("A chargeback or invoice line");
        await Axe.AssertNoneAsync(finance);
        await BrowserFixture.ScreenshotAsync(finance, "console-support-report");

        await finance.GotoAsync("/console/support/calendar?company=ABC");
        await finance.GetByLabel("Time zone (IANA)").FillAsync("Europe/Berlin");
        await finance.GetByLabel("Holidays (one YYYY-MM-DD per line)").FillAsync("2026-12-24\n2026-12-25");
        await finance.GetByRole(AriaRole.Button, new() { Name = "Save the calendar" }).ClickAsync();
        await Assertions.Expect(finance.GetByRole(AriaRole.Status)).ToContainTextAsync("The calendar of ABC is saved");
        await Assertions.Expect(finance.Locator("#calendar-source")).ToContainTextAsync("Set by F9001");
        await Axe.AssertNoneAsync(finance);
        await BrowserFixture.ScreenshotAsync(finance, "console-support-calendar");

        await dispatch.GotoAsync("/shop/statement");
        await Assertions.Expect(dispatch.GetByText("Disputed: adjusted").First).ToBeVisibleAsync();
    }
}

using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using InternalStore.Api.Tests.Checkout;
using InternalStore.Api.Tests.Infrastructure;
using Microsoft.Playwright;

namespace InternalStore.Api.Tests.Console;

/// <summary>The console in a real browser: what HR, finance and an employee can and cannot do.</summary>
public sealed class ConsoleBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static Task NavigateAsync(IPage page, string section) =>
        page.GetByRole(AriaRole.Navigation, new() { Name = "Sections" }).GetByRole(AriaRole.Link, new() { Name = section, Exact = true }).ClickAsync();

    [Fact]
    public async Task Hr_drafts_a_policy_is_told_120_percent_is_wrong_simulates_publishes_and_sees_it_in_force_and_audited()
    {
        // Recent orders of two employees in different tiers, for the simulation to re-price.
        var given = new CheckoutScenario(browser.Store);
        var sku = await given.NewProductAsync(stock: 50, listPrice: 80m, unitCost: 20m);
        await given.PlaceAsync(Identity.Employee, (sku, 2));
        await given.PlaceAsync(new Identity("E1002", ["employee"]), (sku, 1));

        var page = await browser.SignedInPageAsync("H9001");
        await NavigateAsync(page, "Policies");
        await Assertions.Expect(page.Locator("#own-in-force")).ToContainTextAsync("JKL v1");

        await page.GetByRole(AriaRole.Button, new() { Name = "Start ABC's own policy from it" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("ABC policy, version");
        var editor = page.Url;

        await page.GetByLabel("Tier 1 percent").FillAsync("120");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        var message = page.Locator("[id='err-document.tiers[0].percent']");
        await Assertions.Expect(message).ToContainTextAsync("between 0 and 100, not 120");
        await Assertions.Expect(page.GetByLabel("Tier 1 percent")).ToHaveValueAsync("120");
        await Assertions.Expect(page.GetByLabel("Tier 1 percent")).ToHaveAttributeAsync("aria-invalid", "true");
        await BrowserFixture.ScreenshotAsync(page, "hr-policy-draft-validation");

        await page.GetByLabel("Tier 1 percent").FillAsync("27.5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Draft saved");
        await Assertions.Expect(page.GetByLabel("Tier 1 percent")).ToHaveValueAsync("27.5");

        await page.GetByRole(AriaRole.Link, new() { Name = "Simulate against the policy in force" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Side by side" })).ToContainTextAsync("Total discount");
        await Assertions.Expect(page.GetByText("employee orders re-priced")).ToContainTextAsync("2 employee orders re-priced");
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "Discount and margin by tier" })).ToBeVisibleAsync();
        Assert.True(await page.Locator("svg rect").CountAsync() >= 8);
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Largest changes" }).Locator("tbody tr")).Not.ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(page, "hr-simulation");

        await page.GotoAsync(editor);
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish this version" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("published, in force from");
        await Assertions.Expect(page.Locator("#own-in-force")).ToContainTextAsync("ABC v");
        var abc = page.GetByRole(AriaRole.Table, new() { Name = "Versions of ABC" });
        await Assertions.Expect(abc.Locator(".badge.in-force")).ToHaveCountAsync(1);
        await BrowserFixture.ScreenshotAsync(page, "hr-policies");

        await abc.GetByRole(AriaRole.Link, new() { Name = "audit" }).First.ClickAsync();
        var audit = page.GetByRole(AriaRole.Table, new() { Name = "Audit trail" });
        await Assertions.Expect(audit).ToContainTextAsync("tiers[0].percent");
        await Assertions.Expect(audit).ToContainTextAsync("27.5");
        await Assertions.Expect(audit).ToContainTextAsync("H9001");
        await BrowserFixture.ScreenshotAsync(page, "hr-policy-audit");

        await NavigateAsync(page, "People");
        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Search" }).FillAsync("dana");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        var roster = page.GetByRole(AriaRole.Table, new() { Name = "Roster" });
        await Assertions.Expect(roster).ToContainTextAsync("E1004");
        await Assertions.Expect(roster).Not.ToContainTextAsync("H9001");
        await BrowserFixture.ScreenshotAsync(page, "hr-people");
        await page.GetByRole(AriaRole.Link, new() { Name = "E1004" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Priced as")).ToContainTextAsync("external");
        await Assertions.Expect(page.GetByText("Priced as")).ToContainTextAsync("No longer employed");
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Allowance" })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "hr-person");
    }

    [Fact]
    public async Task Finance_downloads_a_chargeback_csv_whose_total_matches_the_page()
    {
        var given = new CheckoutScenario(browser.Store);
        var sku = await given.NewProductAsync(stock: 20, listPrice: 40m, unitCost: 13.37m);
        foreach (var quantity in new[] { 1, 3 })
        {
            var order = await given.PlaceAsync(Identity.DepartmentBuyer, (sku, quantity));
            (await given.CheckoutAsync(Identity.DepartmentBuyer, order.Id(), new { method = "chargeback" })).EnsureSuccessStatusCode();
        }

        var page = await browser.SignedInPageAsync("F9001");
        await NavigateAsync(page, "Chargebacks");
        var pageTotal = decimal.Parse(await page.Locator("#statement-total").InnerTextAsync(), CultureInfo.InvariantCulture);
        Assert.True(pageTotal > 0m);
        await BrowserFixture.ScreenshotAsync(page, "finance-chargebacks");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download CSV" }).ClickAsync());
        var path = await download.PathAsync();
        var lines = await File.ReadAllLinesAsync(path!);
        var header = lines[0].Split(',');
        var amount = Array.IndexOf(header, "amount");
        var csvTotal = lines.Skip(1).Where(l => l.Length > 0)
            .Sum(l => decimal.Parse(l.Split(',')[amount], CultureInfo.InvariantCulture));

        Assert.EndsWith(".csv", download.SuggestedFilename, StringComparison.Ordinal);
        Assert.Equal(pageTotal, csvTotal);
        Assert.Contains(lines, l => l.Contains("CC-1200", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_employee_gets_403_on_every_console_page()
    {
        var page = await browser.SignedInPageAsync("E1001");
        var pages = new[]
        {
            "/console", "/console/hr/policies", "/console/hr/people", "/console/hr/people/E1001", "/console/hr/people/import",
            "/console/finance/chargebacks", "/console/finance/payroll", "/console/finance/invoices", "/console/finance/transfer-pricing",
            "/console/finance/benefits", "/console/catalog/products", "/console/catalog/products/LAP-13",
        };
        foreach (var url in pages)
        {
            var response = await page.GotoAsync(url);
            Assert.Equal((int)HttpStatusCode.Forbidden, response!.Status);
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Not allowed" })).ToBeVisibleAsync();
        }
    }

    [Fact]
    public async Task Catalog_and_finance_pages_render_for_their_roles()
    {
        var catalog = await browser.SignedInPageAsync("C9001");
        await NavigateAsync(catalog, "Products");
        await Assertions.Expect(catalog.GetByRole(AriaRole.Table, new() { Name = "Products" })).ToContainTextAsync("LAP-13");
        await BrowserFixture.ScreenshotAsync(catalog, "catalog-products");
        await catalog.GetByRole(AriaRole.Link, new() { Name = "LAP-13" }).ClickAsync();
        var before = int.Parse(await catalog.Locator("main p strong").First.InnerTextAsync(), CultureInfo.InvariantCulture);
        await catalog.GetByLabel("Units (+ in, − out)").FillAsync("5");
        await catalog.GetByLabel("Reason").FillAsync("console restock");
        await catalog.GetByRole(AriaRole.Button, new() { Name = "Adjust" }).ClickAsync();
        await Assertions.Expect(catalog.GetByRole(AriaRole.Status)).ToContainTextAsync($"now {before + 5}");
        await BrowserFixture.ScreenshotAsync(catalog, "catalog-product");

        var finance = await browser.SignedInPageAsync("F9001");
        foreach (var (link, shot) in new[] { ("Payroll", "finance-payroll"), ("Invoices", "finance-invoices"),
                     ("Transfer pricing", "finance-transfer-pricing"), ("Taxable benefits", "finance-benefits") })
        {
            await NavigateAsync(finance, link);
            await Assertions.Expect(finance.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
            Assert.DoesNotMatch(new Regex("Not allowed|Exception"), await finance.ContentAsync());
            await BrowserFixture.ScreenshotAsync(finance, shot);
        }
    }

    [Fact]
    public async Task Catalog_creates_a_product_from_the_form_and_imports_a_file_after_a_dry_run()
    {
        var sku = "NEW-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var catalog = await browser.SignedInPageAsync("C9001");
        await NavigateAsync(catalog, "Products");
        await catalog.GetByRole(AriaRole.Link, new() { Name = "New product" }).ClickAsync();
        await catalog.GetByLabel("SKU").FillAsync(sku);
        await catalog.GetByLabel("Name").FillAsync("Desk lamp");
        await catalog.GetByLabel("Category", new() { Exact = true }).FillAsync("office");
        await catalog.GetByLabel("List price").FillAsync("39.999");
        await catalog.GetByLabel("Unit cost").FillAsync("14.20");
        await catalog.GetByLabel("Initial stock").FillAsync("12");
        await catalog.GetByRole(AriaRole.Button, new() { Name = "Create product" }).ClickAsync();
        await Assertions.Expect(catalog.Locator(".field-error").Filter(new() { HasText = "more decimals" })).ToBeVisibleAsync();
        await Assertions.Expect(catalog.GetByLabel("SKU")).ToHaveValueAsync(sku); // nothing typed is lost
        await Shop.Axe.AssertNoneAsync(catalog);
        await BrowserFixture.ScreenshotAsync(catalog, "catalog-new-product");

        await catalog.GetByLabel("List price").FillAsync("39.90");
        await catalog.GetByRole(AriaRole.Button, new() { Name = "Create product" }).ClickAsync();
        await Assertions.Expect(catalog.GetByRole(AriaRole.Status)).ToContainTextAsync($"{sku} created");
        await Assertions.Expect(catalog.Locator("main p strong").First).ToHaveTextAsync("12");

        var file = Path.Combine(Path.GetTempPath(), $"products-{sku}.csv");
        await File.WriteAllTextAsync(file, "sku,name,category,listPrice,unitCost,stock\n"
            + $"{sku}-A,Pen set,office,9.50,2.10,100\n{sku}-B,Notebook,office,4.20,1.05,300\n{sku},Desk lamp,office,44.90,14.20,0\n");
        try
        {
            await catalog.GotoAsync("/console/catalog/import");
            await catalog.GetByLabel("File").SetInputFilesAsync(file);
            await catalog.GetByLabel("Dry run (check only)").CheckAsync();
            await catalog.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();
            await Assertions.Expect(catalog.GetByRole(AriaRole.Status)).ToContainTextAsync("3 rows: 2 created, 1 updated, 0 unchanged, 0 invalid; dry run, nothing applied");
            await catalog.GetByLabel("File").SetInputFilesAsync(file);
            await catalog.GetByLabel("Dry run (check only)").UncheckAsync();
            await catalog.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();
            await Assertions.Expect(catalog.GetByRole(AriaRole.Status)).ToContainTextAsync("3 rows: 2 created, 1 updated, 0 unchanged, 0 invalid; applied");
            await Shop.Axe.AssertNoneAsync(catalog);
            await BrowserFixture.ScreenshotAsync(catalog, "catalog-import");
        }
        finally
        {
            File.Delete(file);
        }

        await catalog.GotoAsync($"/console/catalog/products?q={sku}");
        await Assertions.Expect(catalog.GetByRole(AriaRole.Table, new() { Name = "Products" }).Locator("tbody tr")).ToHaveCountAsync(3);
        await Assertions.Expect(catalog.GetByRole(AriaRole.Table, new() { Name = "Products" })).ToContainTextAsync("44.90");
    }

    [Fact]
    public async Task Hr_issues_a_scim_token_its_provider_provisions_a_joiner_and_revoking_shuts_the_provider_out()
    {
        var hr = await browser.SignedInPageAsync("H9001");
        await NavigateAsync(hr, "Provisioning");
        await Assertions.Expect(hr.Locator("#scim-base-url")).ToHaveTextAsync($"{browser.Store.BaseAddress.ToString().TrimEnd('/')}/scim/v2");
        await hr.GetByLabel("Company").SelectOptionAsync("ABC");
        await hr.GetByLabel("Held by").FillAsync("Okta");
        await hr.GetByRole(AriaRole.Button, new() { Name = "Issue token" }).ClickAsync();
        var secret = await hr.GetByLabel("Token", new() { Exact = true }).InputValueAsync();
        Assert.StartsWith("scim_", secret, StringComparison.Ordinal);
        await Shop.Axe.AssertNoneAsync(hr);
        await BrowserFixture.ScreenshotAsync(hr, "hr-provisioning");

        var okta = Scim.ScimClient.For(browser.Store, secret);
        var id = "S" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        using (var created = await okta.SendAsync(HttpMethod.Post, Scim.ScimClient.Users, $$"""
                   {"userName":"{{id}}@abc.example","displayName":"Joan Clarke",
                    "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"employeeNumber":"{{id}}","department":"Marketing"} }
                   """))
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        await hr.GotoAsync($"/console/hr/people/{id}");
        var audit = hr.GetByRole(AriaRole.Table, new() { Name = "Employee audit" });
        await Assertions.Expect(audit).ToContainTextAsync(secret[..12]);
        await Assertions.Expect(audit).ToContainTextAsync("Joan Clarke");

        await NavigateAsync(hr, "Provisioning");
        await hr.GetByRole(AriaRole.Button, new() { Name = $"Revoke {secret[..12]}" }).ClickAsync();
        await Assertions.Expect(hr.GetByRole(AriaRole.Status)).ToContainTextAsync("is revoked");
        Assert.DoesNotContain(secret, await hr.ContentAsync(), StringComparison.Ordinal); // shown once only
        using var refused = await okta.GetAsync(Scim.ScimClient.Users);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }
}

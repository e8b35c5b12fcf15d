using InternalStore.Application.Catalog;
using InternalStore.Application.Common;
using InternalStore.Application.Pricing;
using InternalStore.Application.Shop;

namespace InternalStore.Core.Tests;

/// <summary>
/// The shop's prices and their explanation in words, from the engine's own steps: a cap reads as a
/// cap, an exclusion as an exclusion, the floor and the markup with their percent, and what of a line
/// the allowance cannot cover is said to be at the external price.
/// </summary>
public sealed class ShopPricingTests(CoreStore store) : IClassFixture<CoreStore>
{
    private static Caller Person(string subject, string role, string? company = "ABC", string? costCenter = null) =>
        new(subject, new HashSet<string> { role }, company, costCenter);

    private static readonly Caller Alice = Person("E1001", Roles.Employee);

    [Fact]
    public async Task A_capped_category_reads_as_a_cap_not_as_a_second_discount()
    {
        var laptop = await store.SendAsync(new GetShopProductQuery(Alice, "LAP-13"));

        Assert.Equal(1169.10m, laptop.Priced.YourPrice); // silver 20 %, capped at 10 % for electronics
        Assert.Equal(1299.00m, laptop.Priced.ListPrice);
        Assert.Contains("Your tier (silver) gives a 20 % staff discount.", laptop.InWords);
        Assert.Contains("For electronics the staff discount is capped at 10 %.", laptop.InWords);
        Assert.DoesNotContain(laptop.InWords, w => w.Contains("10 % staff discount", StringComparison.Ordinal));
        Assert.Equal(1, laptop.Priced.Limit!.MaxUnits);
        Assert.NotNull(laptop.Allowance);
    }

    [Fact]
    public async Task Exclusions_floors_and_markups_are_told_with_their_percent()
    {
        var giftCard = await store.SendAsync(new GetShopProductQuery(Alice, "GFT-50"));
        Assert.Contains("Gift-cards is left out of the staff discount.", giftCard.InWords);
        Assert.Equal(50.00m, giftCard.Priced.YourPrice);

        var thin = "THIN-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        await store.SendAsync(new CreateProductCommand(Person("C9001", Roles.Catalog), thin,
            new ProductInput("Thin-margin item", "", "office", 100m, 90m, "USD", true, true, null), 10));
        var floored = await store.SendAsync(new GetShopProductQuery(Alice, thin));
        Assert.Contains("Raised to 94.50 USD: never below cost + 5 %.", floored.InWords);
        Assert.Equal(94.50m, floored.Priced.YourPrice);

        var dispatch = await store.SendAsync(new GetShopProductQuery(Person("D1200", Roles.DepartmentBuyer, "ABC", "CC-1200"), "LAP-13"));
        Assert.Contains("Unit cost 950.00 USD plus the internal markup of 3 %.", dispatch.InWords);
        Assert.Null(dispatch.Allowance);
    }

    [Fact]
    public async Task A_leaver_sees_external_prices_and_why()
    {
        var dana = Person("E1004", Roles.Employee);
        var page = await store.SendAsync(new BrowseCatalogQuery(dana, null, "electronics", 1, 20));

        Assert.Equal("external", page.PricedAs);
        Assert.All(page.Products.Items, p => Assert.Equal(p.ListPrice, p.YourPrice));
        Assert.Contains("electronics", page.Categories);
        var laptop = await store.SendAsync(new GetShopProductQuery(dana, "LAP-13"));
        Assert.Contains("Your employment has ended, so you pay what an external customer pays.", laptop.InWords);
    }

    [Fact]
    public async Task One_pricing_call_prices_a_whole_page_below_the_list_price_for_an_employee()
    {
        var page = await store.SendAsync(new BrowseCatalogQuery(Alice, null, null, 1, 50));

        Assert.True(page.Products.Items.Count >= 30);
        Assert.Equal("employee", page.PricedAs);
        Assert.Contains(page.Products.Items, p => p.YourPrice < p.ListPrice);
        Assert.All(page.Products.Items, p => Assert.True(p.YourPrice <= p.ListPrice, p.Sku));
        Assert.Equal(1169.10m, page.Products.Items.Single(p => p.Sku == "LAP-13").YourPrice);
    }

    [Theory]
    [InlineData(20, "You save 20.00 USD against the external price, taken from your yearly allowance.")]
    [InlineData(5, "Only 5.00 USD of the 20.00 USD saving fits in what is left of your yearly allowance: 15.00 USD of this line is charged at the external price.")]
    [InlineData(0, "Your yearly allowance is used up, so this line is charged at the external price (100.00 USD): 20.00 USD more than your staff price.")]
    public void What_the_allowance_cannot_cover_is_said_to_be_at_the_external_price(decimal taken, string expected)
    {
        ExplanationStepDto[] steps =
        [
            new("list", "listPrice", 100m, 100m, "List price."),
            new("silver", "tier", 100m, 80m, "Tier silver: 20 %."),
            new("allowance", "allowance", 100m, 80m + (20m - taken), "Benefit 20; ... left, ... taken."),
        ];

        var words = PriceWords.Describe(steps, unitPrice: 80m, quantity: 1, allowanceTaken: taken, "USD");

        Assert.Equal(["List price 100.00 USD.", "Your tier (silver) gives a 20 % staff discount.", expected], words);
        // The cart shows the part at the external price on the line itself, not only in the explanation.
        Assert.Equal(taken < 20 ? expected : null, PriceWords.AllowanceShortfall(steps, 80m, 1, taken, "USD"));
    }
}

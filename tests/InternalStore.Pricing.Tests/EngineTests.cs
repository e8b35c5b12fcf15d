namespace InternalStore.Pricing.Tests;

/// <summary>Rules of pricing.md that the vectors do not pin down on their own.</summary>
public sealed class EngineTests
{
    private static readonly DateOnly AsOf = new(2026, 2, 10);

    private static readonly PricingCatalog Catalog = new([
        new CatalogItem("A", "home", 100.00m, 40.00m),
        new CatalogItem("B", "home", 10.00m, 4.00m),
    ]);

    private static readonly TransferPricing Transfer = new(5m, [], 8m);

    [Theory]
    [InlineData("2021-02-11", "2026-02-10", 59)]
    [InlineData("2021-02-10", "2026-02-10", 60)]
    [InlineData("2021-01-31", "2021-02-28", 0)]
    [InlineData("2020-02-29", "2021-02-28", 11)]
    [InlineData("2026-02-10", "2026-02-10", 0)]
    public void Tenure_counts_full_months(string hired, string asOf, int months)
    {
        Assert.Equal(months, PricingEngine.TenureMonths(DateOnly.Parse(hired, System.Globalization.CultureInfo.InvariantCulture),
            DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Lines_are_checked_in_order_and_the_first_failure_decides()
    {
        var result = Price(ExternalBuyer.Instance, new CartLine("A", 0), new CartLine("NOPE", 1));

        Assert.Equal("invalid-quantity", result.Error!.Code);
        Assert.Equal(0, result.Error.LineIndex);
    }

    [Fact]
    public void Duplicates_are_found_in_long_carts_too()
    {
        var many = Enumerable.Range(0, 40).Select(i => new CatalogItem($"S{i}", "home", 1m, 0.5m)).ToList();
        var lines = many.Select(i => new CartLine(i.Sku, 1)).Append(new CartLine("S7", 2)).ToList();

        var result = PricingEngine.Price(new DiscountPolicy(), [], Transfer, new PricingCatalog(many), ExternalBuyer.Instance,
            lines, AsOf, "USD");

        Assert.Equal("duplicate-sku", result.Error!.Code);
        Assert.Equal(40, result.Error.LineIndex);
    }

    /// <summary>A catalog that builds a new item on every lookup, as a storefront's own catalog may.</summary>
    private sealed class FreshItemsCatalog : IPricingCatalog
    {
        public bool TryGetItem(string sku, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out CatalogItem? item)
        {
            item = sku.StartsWith('S') ? new CatalogItem(sku, "home", 1m, 0.5m) : null;
            return item is not null;
        }
    }

    [Theory]
    [InlineData(5)]
    [InlineData(40)]
    public void Duplicates_are_found_whatever_the_catalog_returns(int lines)
    {
        var cart = Enumerable.Range(0, lines).Select(i => new CartLine($"S{i}", 1)).Append(new CartLine("S3", 2)).ToList();

        var viaOwnCatalog = PricingEngine.Price(new DiscountPolicy(), [], Transfer, new FreshItemsCatalog(), ExternalBuyer.Instance, cart, AsOf, "USD");
        var viaPricingCatalog = PricingEngine.Price(new DiscountPolicy(), [], Transfer,
            new PricingCatalog(Enumerable.Range(0, lines).Select(i => new CatalogItem($"S{i}", "home", 1m, 0.5m))), ExternalBuyer.Instance, cart, AsOf, "USD");

        Assert.Equal(("duplicate-sku", lines), (viaOwnCatalog.Error!.Code, viaOwnCatalog.Error.LineIndex));
        Assert.Equal(("duplicate-sku", lines), (viaPricingCatalog.Error!.Code, viaPricingCatalog.Error.LineIndex));
    }

    [Fact]
    public void An_unknown_currency_is_an_error()
    {
        var result = PricingEngine.Price(new DiscountPolicy(), [], Transfer, Catalog, ExternalBuyer.Instance,
            [new CartLine("A", 1)], AsOf, "XXX");

        Assert.Equal("unsupported-currency", result.Error!.Code);
    }

    [Fact]
    public void Without_an_allowance_cap_the_whole_benefit_is_taken()
    {
        var policy = new DiscountPolicy { Tiers = [new Tier("all", 20m)], AnnualAllowance = null };
        var employee = new EmployeeBuyer(1, new DateOnly(2010, 1, 1), EmploymentStatus.Active, 1_000_000m, []);

        var quote = PricingEngine.Price(policy, [], Transfer, Catalog, employee, [new CartLine("A", 3)], AsOf, "USD").Quote!;

        Assert.Equal(60.00m, quote.AllowanceConsumed);
        Assert.Equal(240.00m, quote.Subtotal);
    }

    [Fact]
    public void No_matching_tier_means_no_employee_percent_even_with_a_category_percent()
    {
        var policy = new DiscountPolicy
        {
            Tiers = [new Tier("senior", 30m, MinGrade: 9)],
            CategoryRules = [new CategoryRule("home", Percent: 50m)],
        };
        var employee = new EmployeeBuyer(2, new DateOnly(2010, 1, 1), EmploymentStatus.Active, 0m, []);

        var quote = PricingEngine.Price(policy, [], Transfer, Catalog, employee, [new CartLine("A", 1)], AsOf, "USD").Quote!;

        Assert.Equal(100.00m, quote.Lines[0].UnitPrice);
    }

    [Fact]
    public void A_promotion_is_valid_on_both_of_its_boundary_days()
    {
        var promotion = new Promotion("day", 10m, PromotionAudience.All, AsOf, AsOf, Sku: "A");

        var on = PricingEngine.Price(new DiscountPolicy(), [promotion], Transfer, Catalog, ExternalBuyer.Instance,
            [new CartLine("A", 1)], AsOf, "USD").Quote!;
        var after = PricingEngine.Price(new DiscountPolicy(), [promotion], Transfer, Catalog, ExternalBuyer.Instance,
            [new CartLine("A", 1)], AsOf.AddDays(1), "USD").Quote!;

        Assert.Equal(90.00m, on.Lines[0].UnitPrice);
        Assert.Equal(100.00m, after.Lines[0].UnitPrice);
    }

    [Fact]
    public void A_quantity_limit_window_counts_today_but_not_its_last_day()
    {
        var policy = new DiscountPolicy { Tiers = [new Tier("all", 10m)], QuantityLimits = [new QuantityLimit("B", 2, 30)] };
        PastPurchase[] purchases = [new("B", 1, AsOf), new("B", 5, AsOf.AddDays(-30))];
        var employee = new EmployeeBuyer(1, new DateOnly(2010, 1, 1), EmploymentStatus.Active, 0m, purchases);

        var ok = PricingEngine.Price(policy, [], Transfer, Catalog, employee, [new CartLine("B", 1)], AsOf, "USD").Quote!;
        var over = PricingEngine.Price(policy, [], Transfer, Catalog, employee, [new CartLine("B", 2)], AsOf, "USD").Quote!;

        Assert.Empty(ok.Violations);
        Assert.Equal(new Violation("B", "quantity-limit", 1), Assert.Single(over.Violations));
    }

    private static PricingResult Price(Buyer buyer, params CartLine[] lines) =>
        PricingEngine.Price(new DiscountPolicy(), [], Transfer, Catalog, buyer, lines, AsOf, "USD");
}

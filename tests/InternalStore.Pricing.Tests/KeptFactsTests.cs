namespace InternalStore.Pricing.Tests;

/// <summary>
/// A <see cref="PricingCatalog"/> keeps what it worked out per item (promotions in force, external
/// price, floor, employee price per tier) for the rules, day and currency of the last quote. These
/// tests share one catalog between many rules, days, currencies and buyers, in turn and at once, and
/// require every quote and explanation to equal one priced from scratch.
/// </summary>
public sealed class KeptFactsTests
{
    public static TheoryData<int> Seeds => new(11, 12, 13, 14, 15);

    [Theory]
    [MemberData(nameof(Seeds))]
    public void A_shared_catalog_prices_like_a_fresh_one_whatever_was_priced_before(int seed)
    {
        var (catalog, requests) = SharedCatalogRequests(seed, count: 300);
        var expected = requests.Select(r => Describe(PricingEngine.Price(r with { Catalog = new PassThroughCatalog(catalog) }))).ToList();

        // Grouped by rules, day and currency, then scrambled: quotes find facts kept for another buyer
        // (tier) under the same rules, day and currency, and facts kept under other ones.
        var scrambled = Enumerable.Range(0, requests.Count).OrderBy(i => i * 7919 % requests.Count).ToList();
        var grouped = scrambled.OrderBy(i => (requests[i].Rules.GetHashCode(), requests[i].AsOf, requests[i].Currency)).ToList();
        foreach (var order in new[] { grouped, scrambled })
        {
            foreach (var i in order)
                Assert.Equal(expected[i], Describe(PricingEngine.Price(requests[i])));
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void A_shared_catalog_prices_like_a_fresh_one_under_concurrent_quotes(int seed)
    {
        var (catalog, requests) = SharedCatalogRequests(seed, count: 200);
        var expected = requests.Select(r => Describe(PricingEngine.Price(r with { Catalog = new PassThroughCatalog(catalog) }))).ToList();

        var actual = new string[requests.Count * 8];
        Parallel.For(0, actual.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 },
            i => actual[i] = Describe(PricingEngine.Price(requests[i % requests.Count])));

        for (var i = 0; i < actual.Length; i++)
            Assert.Equal(expected[i % requests.Count], actual[i]);
    }

    [Fact]
    public void A_promotion_that_ends_is_gone_the_next_day_from_the_same_catalog()
    {
        var asOf = new DateOnly(2026, 3, 31);
        var catalog = new PricingCatalog([new CatalogItem("A", "home", 100m, 40m)]);
        var rules = PricingRules.Create(new DiscountPolicy { Tiers = [new Tier("all", 10m)] },
            [new Promotion("spring", 30m, PromotionAudience.All, asOf.AddDays(-30), asOf, Category: "home")], new TransferPricing(0, [], 0));
        var employee = new EmployeeBuyer(1, new DateOnly(2010, 1, 1), EmploymentStatus.Active, 0m, []);
        PricingResult Quote(DateOnly day, Buyer buyer) =>
            PricingEngine.Price(new PricingRequest(rules, catalog, buyer, [new CartLine("A", 1)], day, "USD"));

        Assert.Equal(70m, Quote(asOf, ExternalBuyer.Instance).Quote!.Lines[0].UnitPrice);
        Assert.Equal(70m, Quote(asOf, employee).Quote!.Lines[0].UnitPrice);
        Assert.Equal(100m, Quote(asOf.AddDays(1), ExternalBuyer.Instance).Quote!.Lines[0].UnitPrice);
        Assert.Equal(90m, Quote(asOf.AddDays(1), employee).Quote!.Lines[0].UnitPrice);
    }

    /// <summary>One catalog and requests under other random rules, days, currencies, buyers and carts that all use it.</summary>
    private static (PricingCatalog Catalog, List<PricingRequest> Requests) SharedCatalogRequests(int seed, int count)
    {
        var cases = new RandomCases(seed);
        var shared = cases.Next();
        var catalog = (PricingCatalog)shared.Catalog;
        // A few rule sets, so that kept facts often match the rules and differ only in day or currency.
        var rules = Enumerable.Range(0, 3).Select(_ => cases.Next().Rules).ToList();
        string[] currencies = ["USD", "JPY", "KWD", "EUR"];
        var requests = Enumerable.Range(0, count).Select(i =>
        {
            var other = cases.Next();
            var lines = other.Lines.Where(l => catalog.TryGetItem(l.Sku, out _)).ToList();
            return other with
            {
                Rules = rules[i % rules.Count],
                Catalog = catalog,
                Lines = lines.Count > 0 ? lines : shared.Lines,
                AsOf = cases.AsOf.AddDays(i / 3 % 5 * 9 - 18),
                Currency = currencies[i / 15 % currencies.Length],
            };
        }).ToList();
        return (catalog, requests);
    }

    /// <summary>Every amount with its exact scale, the violations and every line's explanation.</summary>
    private static string Describe(PricingResult result)
    {
        if (!result.IsSuccess)
            return "error " + result.Error.Code + " " + result.Error.LineIndex;
        var quote = result.Quote;
        var explained = Enumerable.Range(0, quote.Lines.Count).Select(i => string.Join(" | ", quote.Explain(i)));
        return string.Join("\n", [
            $"{quote.PricedAs} {quote.Subtotal} {quote.DiscountTotal} {quote.AllowanceConsumed}",
            .. quote.Lines.Select(l => l.ToString()),
            .. quote.Violations.Select(v => v.ToString()),
            .. explained,
        ]);
    }

    /// <summary>The same items, but not a <see cref="PricingCatalog"/>: the engine keeps nothing between quotes.</summary>
    private sealed class PassThroughCatalog(PricingCatalog inner) : IPricingCatalog
    {
        public bool TryGetItem(string sku, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out CatalogItem? item) =>
            inner.TryGetItem(sku, out item);
    }
}

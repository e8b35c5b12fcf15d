using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using InternalStore.Pricing;

namespace InternalStore.Benchmarks;

/// <summary>
/// One employee quote under a large policy (8 tiers, 50 category rules, 20 promotions, 20 quantity
/// limits) inside catalogs of 1 000 and 1 000 000 items. The baseline, measured in the same run,
/// is the irreducible part of any quote: looking up each line's item and adding its list price.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByParams)]
[SimpleJob(warmupCount: 3, iterationCount: 12)]
public class PricingBenchmarks
{
    private PricingRequest _request = null!;
    private PricingRequest _external = null!;
    private PricingRequest _nothingKept = null!;
    private PricingCatalog _catalog = null!;

    [Params(10, 100)]
    public int Lines { get; set; }

    [Params(1_000, 1_000_000)]
    public int CatalogSize { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        string[] categories = [.. Enumerable.Range(0, 60).Select(i => $"cat-{i}")];
        _catalog = new PricingCatalog(Enumerable.Range(0, CatalogSize).Select(i =>
        {
            var list = random.Next(100, 100_000) / 100m;
            return new CatalogItem($"SKU-{i:D7}", categories[i % categories.Length], list, Math.Round(list * 0.6m, 2));
        }));
        var asOf = new DateOnly(2026, 6, 15);
        var cartSkus = Enumerable.Range(0, Lines).Select(i => $"SKU-{i * (CatalogSize / Lines):D7}").ToList();
        var policy = new DiscountPolicy
        {
            Tiers = [.. Enumerable.Range(0, 8).Select(i => new Tier($"tier-{i}", 40 - 4 * i, MinGrade: 8 - i, MinTenureMonths: 96 - 12 * i))],
            ProbationDays = 90,
            CategoryRules = [.. Enumerable.Range(0, 50).Select(i => (i % 3) switch
            {
                0 => new CategoryRule(categories[i], MaxPercent: 10),
                1 => new CategoryRule(categories[i], Percent: 25),
                _ => new CategoryRule(categories[i], Exclude: true),
            })],
            MinMarginPercent = 5,
            AnnualAllowance = 1500,
            QuantityLimits = [.. cartSkus.Take(20).Select(s => new QuantityLimit(s, 3, 30))],
        };
        Promotion[] promotions = [.. Enumerable.Range(0, 20).Select(i => i % 2 == 0
            ? new Promotion($"promo-{i}", 15, PromotionAudience.All, asOf.AddDays(-10), asOf.AddDays(10), Sku: cartSkus[i % cartSkus.Count])
            : new Promotion($"promo-{i}", 20, PromotionAudience.Employee, asOf.AddDays(-10), asOf.AddDays(10), Category: categories[i]))];
        var rules = PricingRules.Create(policy, promotions, new TransferPricing(5, [], 8));
        var employee = new EmployeeBuyer(6, new DateOnly(2019, 3, 1), EmploymentStatus.Active, 200m,
            [.. cartSkus.Take(5).Select(s => new PastPurchase(s, 1, asOf.AddDays(-3)))]);
        var lines = cartSkus.Select(s => new CartLine(s, 2)).ToList();
        _request = new PricingRequest(rules, _catalog, employee, lines, asOf, "USD");
        _external = _request with { Buyer = ExternalBuyer.Instance };
        _nothingKept = _request with { Catalog = new NothingKeptCatalog(_catalog) };
    }

    [Benchmark(Baseline = true, Description = "baseline: look up items, add list prices")]
    public decimal LookupAndSum()
    {
        decimal total = 0;
        foreach (var line in _request.Lines)
        {
            _catalog.TryGetItem(line.Sku, out var item);
            total += item!.ListPrice * line.Quantity;
        }

        return total;
    }

    [Benchmark(Description = "employee quote")]
    public PricingResult EmployeeQuote() => PricingEngine.Price(_request);

    [Benchmark(Description = "employee quote, nothing kept")]
    public PricingResult EmployeeQuoteNothingKept() => PricingEngine.Price(_nothingKept);

    [Benchmark(Description = "employee quote + explanations")]
    public int EmployeeQuoteExplained()
    {
        var quote = PricingEngine.Price(_request).Quote!;
        var steps = 0;
        for (var i = 0; i < quote.Lines.Count; i++)
            steps += quote.Explain(i).Count;
        return steps;
    }

    [Benchmark(Description = "external quote")]
    public PricingResult ExternalQuote() => PricingEngine.Price(_external);

    /// <summary>
    /// The same items behind a catalog that is not a <see cref="PricingCatalog"/>, so the engine works
    /// out every item's facts (promotions, external price, floor, employee price) on every quote: the
    /// cost of a first quote after the rules, the day or the catalog change.
    /// </summary>
    private sealed class NothingKeptCatalog(PricingCatalog inner) : IPricingCatalog
    {
        public bool TryGetItem(string sku, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out CatalogItem? item) =>
            inner.TryGetItem(sku, out item);
    }
}

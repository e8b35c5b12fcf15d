namespace InternalStore.Pricing.Tests;

/// <summary>Deterministic random pricing inputs for the property tests (seeded: a failure reproduces).</summary>
internal sealed class RandomCases(int seed)
{
    private static readonly string[] Categories = ["electronics", "apparel", "grocery", "services", "home", "office", "gift-cards"];
    private static readonly string[] CurrencyCodes = ["USD", "EUR", "JPY", "GBP"];

    private readonly Random _random = new(seed);

    public DateOnly AsOf { get; } = new DateOnly(2026, 1, 1).AddDays(new Random(seed).Next(0, 365));

    public PricingRequest Next() => Next(out _);

    public PricingRequest Next(out List<CatalogItem> items)
    {
        var currency = CurrencyCodes[_random.Next(CurrencyCodes.Length)];
        var units = Currencies.MinorUnits(currency);
        items = Enumerable.Range(0, _random.Next(3, 15)).Select(i => Item($"SKU-{i}", units)).ToList();
        var rules = PricingRules.Create(Policy(items), Promotions(items), Transfer());
        var lines = items.OrderBy(_ => _random.Next()).Take(_random.Next(1, items.Count + 1))
            .Select(i => new CartLine(i.Sku, _random.Next(1, 6))).ToList();
        return new PricingRequest(rules, new PricingCatalog(items), Buyer(items), lines, AsOf, currency);
    }

    public CatalogItem Item(string sku, int minorUnits)
    {
        var list = Math.Round((decimal)_random.Next(50, 200_000) / 100m, minorUnits, MidpointRounding.AwayFromZero);
        var cost = Math.Round(list * _random.Next(20, 130) / 100m, 4);
        return new CatalogItem(sku, Categories[_random.Next(Categories.Length)], list, cost, _random.Next(10) > 0);
    }

    private DiscountPolicy Policy(List<CatalogItem> items) => new()
    {
        Tiers = Enumerable.Range(0, _random.Next(0, 5)).Select(i => new Tier($"t{i}", Pct(0, 60),
            _random.Next(2) == 0 ? _random.Next(1, 10) : null,
            _random.Next(2) == 0 ? _random.Next(0, 120) : null)).ToList(),
        ProbationDays = _random.Next(0, 120),
        CategoryRules = Categories.Where(_ => _random.Next(3) == 0).Select(c => _random.Next(3) switch
        {
            0 => new CategoryRule(c, Exclude: true),
            1 => new CategoryRule(c, Percent: Pct(0, 70)),
            _ => new CategoryRule(c, MaxPercent: Pct(0, 30)),
        }).ToList(),
        MinMarginPercent = Pct(0, 20),
        AnnualAllowance = _random.Next(4) == 0 ? null : _random.Next(0, 3000),
        QuantityLimits = items.Where(_ => _random.Next(4) == 0)
            .Select(i => new QuantityLimit(i.Sku, _random.Next(0, 5), _random.Next(1, 400))).ToList(),
        PromotionStacking = _random.Next(2) == 0 ? PromotionStacking.Best : PromotionStacking.Compound,
        Rounding = _random.Next(2) == 0 ? RoundingMode.HalfUp : RoundingMode.HalfEven,
    };

    private List<Promotion> Promotions(List<CatalogItem> items) => Enumerable.Range(0, _random.Next(0, 6)).Select(i =>
    {
        var audience = (PromotionAudience)_random.Next(3);
        var from = AsOf.AddDays(-_random.Next(0, 60));
        var to = AsOf.AddDays(_random.Next(-10, 60));
        return _random.Next(2) == 0
            ? new Promotion($"p{i}", Pct(0, 80), audience, from, to, Sku: items[_random.Next(items.Count)].Sku)
            : new Promotion($"p{i}", Pct(0, 80), audience, from, to, Category: Categories[_random.Next(Categories.Length)]);
    }).ToList();

    private TransferPricing Transfer() => new(Pct(0, 30),
        Categories.Where(_ => _random.Next(3) == 0).Select(c => new CategoryMarkup(c, Pct(0, 30))).ToList(), Pct(0, 30));

    private Buyer Buyer(List<CatalogItem> items) => _random.Next(6) switch
    {
        0 => ExternalBuyer.Instance,
        1 => new DepartmentBuyer("CC-1"),
        2 => new AffiliateBuyer("XYZ"),
        _ => new EmployeeBuyer(_random.Next(1, 10), AsOf.AddDays(-_random.Next(0, 6000)),
            _random.Next(8) == 0 ? EmploymentStatus.Terminated : EmploymentStatus.Active,
            _random.Next(0, 2500),
            items.Where(_ => _random.Next(3) == 0)
                .Select(i => new PastPurchase(i.Sku, _random.Next(1, 4), AsOf.AddDays(-_random.Next(-5, 500)))).ToList()),
    };

    private decimal Pct(int min, int max) => _random.Next(min * 10, max * 10 + 1) / 10m;
}

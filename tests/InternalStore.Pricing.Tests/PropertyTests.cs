namespace InternalStore.Pricing.Tests;

/// <summary>Invariants of the engine over thousands of random carts, policies and buyers.</summary>
public sealed class PropertyTests
{
    private const int CasesPerSeed = 400;

    public static TheoryData<int> Seeds => new(1, 2, 3, 4, 5);

    [Theory]
    [MemberData(nameof(Seeds))]
    public void An_employee_never_pays_more_than_an_external_buyer(int seed)
    {
        ForEach(seed, (request, quote) =>
        {
            foreach (var line in quote.Lines)
            {
                Assert.True(line.UnitPrice <= line.ExternalUnitPrice, $"{line.Sku}: {line.UnitPrice} > {line.ExternalUnitPrice}");
                Assert.True(line.LineTotal <= line.ExternalUnitPrice * line.Quantity);
            }
        }, employeesOnly: true);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void An_employee_price_never_goes_below_the_floor_the_list_or_the_external_price(int seed)
    {
        ForEach(seed, (request, quote) =>
        {
            var policy = request.Rules.Policy;
            var units = Currencies.MinorUnits(request.Currency);
            foreach (var line in quote.Lines)
            {
                request.Catalog.TryGetItem(line.Sku, out var item);
                var floor = Math.Round(item!.UnitCost * (1m + policy.MinMarginPercent / 100m), units,
                    policy.Rounding == RoundingMode.HalfEven ? MidpointRounding.ToEven : MidpointRounding.AwayFromZero);
                var lowest = Math.Min(Math.Min(floor, item.ListPrice), line.ExternalUnitPrice);
                Assert.True(line.UnitPrice >= lowest, $"{line.Sku}: {line.UnitPrice} < {lowest}");
            }
        }, employeesOnly: true);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void The_allowance_consumed_never_exceeds_what_remains(int seed)
    {
        ForEach(seed, (request, quote) =>
        {
            var cap = request.Rules.Policy.AnnualAllowance;
            var used = ((EmployeeBuyer)request.Buyer).AllowanceUsed;
            Assert.True(quote.AllowanceConsumed >= 0);
            if (cap is not null)
                Assert.True(quote.AllowanceConsumed <= Math.Max(0, cap.Value - used),
                    $"consumed {quote.AllowanceConsumed}, cap {cap}, used {used}");
            Assert.Equal(quote.AllowanceConsumed, quote.Lines.Sum(l => l.AllowanceTaken));
        }, employeesOnly: true);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Totals_are_the_sums_of_the_lines_and_every_amount_is_in_minor_units(int seed)
    {
        ForEach(seed, (request, quote) =>
        {
            Assert.Equal(quote.Lines.Sum(l => l.LineTotal), quote.Subtotal);
            Assert.Equal(quote.Lines.Sum(l => l.Discount), quote.DiscountTotal);
            foreach (var line in quote.Lines)
            {
                Assert.True(Currencies.IsWholeMinorUnits(line.UnitPrice, request.Currency), $"{line.UnitPrice} {request.Currency}");
                Assert.True(Currencies.IsWholeMinorUnits(line.LineTotal, request.Currency), $"{line.LineTotal} {request.Currency}");
                Assert.Equal(line.ListPrice * line.Quantity - line.LineTotal, line.Discount);
            }
        });
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Unrelated_catalog_items_change_nothing(int seed)
    {
        var cases = new RandomCases(seed);
        for (var i = 0; i < CasesPerSeed; i++)
        {
            var request = cases.Next(out var items);
            var units = Currencies.MinorUnits(request.Currency);
            var bigger = items.Concat(Enumerable.Range(0, 50).Select(n => cases.Item($"OTHER-{n}", units))).ToList();
            var wider = request with { Catalog = new PricingCatalog(bigger) };

            var narrow = PricingCaseFile.ToExpectedShape(PricingEngine.Price(request));
            var wide = PricingCaseFile.ToExpectedShape(PricingEngine.Price(wider));

            Assert.Equal(narrow.ToJsonString(), wide.ToJsonString());
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Pricing_is_deterministic_and_safe_to_share_between_threads(int seed)
    {
        var cases = new RandomCases(seed);
        var requests = Enumerable.Range(0, 100).Select(_ => cases.Next()).ToList();
        var sequential = requests.Select(r => PricingCaseFile.ToExpectedShape(PricingEngine.Price(r)).ToJsonString()).ToList();

        var parallel = new string[requests.Count];
        Parallel.For(0, requests.Count * 4, i =>
            parallel[i % requests.Count] = PricingCaseFile.ToExpectedShape(PricingEngine.Price(requests[i % requests.Count])).ToJsonString());

        Assert.Equal(sequential, parallel);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Non_employees_consume_no_allowance_and_break_no_limits(int seed)
    {
        ForEach(seed, (request, quote) =>
        {
            if (quote.PricedAs == PricedAs.Employee)
                return;
            Assert.Equal(0m, quote.AllowanceConsumed);
            Assert.Empty(quote.Violations);
        });
    }

    private static void ForEach(int seed, Action<PricingRequest, PriceQuote> check, bool employeesOnly = false)
    {
        var cases = new RandomCases(seed);
        var checkedCount = 0;
        for (var i = 0; i < CasesPerSeed; i++)
        {
            var request = cases.Next();
            var result = PricingEngine.Price(request);
            Assert.True(result.IsSuccess, result.Error?.Message);
            if (employeesOnly && result.Quote.PricedAs != PricedAs.Employee)
                continue;
            check(request, result.Quote);
            checkedCount++;
        }

        Assert.True(checkedCount > CasesPerSeed / 10, $"only {checkedCount} cases reached the check");
    }
}

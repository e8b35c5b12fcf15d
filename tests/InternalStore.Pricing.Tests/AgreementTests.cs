namespace InternalStore.Pricing.Tests;

/// <summary>Standing agreements in the engine: in force by date, never below the negotiated floor at today's cost, never above the standard price.</summary>
public sealed class AgreementTests
{
    private static readonly DateOnly AsOf = new(2026, 12, 2);
    private static readonly TransferPricing Transfer = new(5m, [], 8m);

    // A: cost 40, department standard 42.00, intercompany 43.20.
    private static PricingCatalog Catalog(decimal costOfA = 40m) => new([
        new CatalogItem("A", "home", 100.00m, costOfA),
        new CatalogItem("B", "home", 10.00m, 4.00m),
    ]);

    private static AgreedPrices Agreed(decimal price, decimal minimumMarkup = 0m, DateOnly? from = null, DateOnly? to = null) =>
        new(minimumMarkup, [new AgreedPrice("7", "A", price, from ?? AsOf.AddDays(-10), to ?? AsOf.AddDays(10))]);

    private static (PriceQuote Quote, IReadOnlyList<ExplanationStep> Steps) Price(Buyer buyer, PricingCatalog? catalog = null)
    {
        var result = PricingEngine.Price(new DiscountPolicy(), [], Transfer, catalog ?? Catalog(), buyer,
            [new CartLine("A", 3), new CartLine("B", 1)], AsOf, "USD");
        Assert.True(result.IsSuccess);
        return (result.Quote!, result.Quote!.Explain(0));
    }

    [Fact]
    public void An_agreement_in_force_prices_its_sku_and_is_explained_by_number()
    {
        var (quote, steps) = Price(new DepartmentBuyer("CC-1") { Agreements = Agreed(41.00m) });

        Assert.Equal(41.00m, quote.Lines[0].UnitPrice);
        Assert.Equal(123.00m, quote.Lines[0].LineTotal);
        Assert.Equal(4.20m, quote.Lines[1].UnitPrice); // B has no agreement
        var step = Assert.Single(steps, s => s.Kind == StepKind.Agreement);
        Assert.Equal("agreement:7", step.RuleId);
        Assert.Equal((42.00m, 41.00m), (step.Before, step.After));
        Assert.StartsWith("Negotiated agreement 7: 41.00 per unit from 2026-11-22 to 2026-12-12", step.Note, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, 10)]   // starts tomorrow
    [InlineData(-10, -1)] // ended yesterday
    public void Outside_its_days_an_agreement_does_nothing(int fromDays, int toDays)
    {
        var (quote, steps) = Price(new AffiliateBuyer("XYZ") { Agreements = Agreed(41.00m, 0m, AsOf.AddDays(fromDays), AsOf.AddDays(toDays)) });

        Assert.Equal(43.20m, quote.Lines[0].UnitPrice);
        Assert.DoesNotContain(steps, s => s.Kind == StepKind.Agreement);
    }

    [Fact]
    public void On_its_first_and_last_day_it_applies()
    {
        Assert.Equal(41.00m, Price(new DepartmentBuyer("CC-1") { Agreements = Agreed(41.00m, 0m, AsOf, AsOf) }).Quote.Lines[0].UnitPrice);
    }

    [Fact]
    public void When_the_cost_rises_above_the_agreed_price_the_floor_wins_and_says_so()
    {
        // Cost 40.50, minimum markup 1 %: floor 40.905 rounded up to 40.91; standard 42.53.
        var (quote, steps) = Price(new DepartmentBuyer("CC-1") { Agreements = Agreed(40.00m, 1m) }, Catalog(40.50m));

        Assert.Equal(40.91m, quote.Lines[0].UnitPrice);
        var floor = steps[^1];
        Assert.Equal(StepKind.Floor, floor.Kind);
        Assert.Equal((40.00m, 40.91m), (floor.Before, floor.After));
        Assert.Contains("cost has risen", floor.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void An_agreement_never_makes_the_buyer_pay_more_than_the_standard_price()
    {
        var above = Price(new DepartmentBuyer("CC-1") { Agreements = Agreed(45.00m) });
        Assert.Equal(42.00m, above.Quote.Lines[0].UnitPrice);
        Assert.Contains("not below the standard price", above.Steps.Single(s => s.Kind == StepKind.Agreement).Note, StringComparison.Ordinal);

        // The floor (cost 40 + 10 % = 44.00) is above the standard price 42.00: the standard price applies.
        var floorAbove = Price(new DepartmentBuyer("CC-1") { Agreements = Agreed(41.00m, 10m) });
        Assert.Equal(42.00m, floorAbove.Quote.Lines[0].UnitPrice);
        Assert.Contains("standard price is lower", floorAbove.Steps[^1].Note, StringComparison.Ordinal);
    }

    [Fact]
    public void The_negotiated_floor_rounds_up_to_the_minor_unit()
    {
        Assert.Equal(10.12m, PricingRules.NegotiatedFloor(10.01m, 1m, 2)); // 10.1101
        Assert.Equal(10.00m, PricingRules.NegotiatedFloor(10.00m, 0m, 2));
        Assert.Equal(102m, PricingRules.NegotiatedFloor(101m, 0.5m, 0)); // JPY: 101.505
    }
}

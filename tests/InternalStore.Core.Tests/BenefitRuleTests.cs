using InternalStore.Domain.Benefits;

namespace InternalStore.Core.Tests;

/// <summary>The worked cases of the fringe-benefit issue, on the rules themselves.</summary>
public sealed class BenefitRuleTests
{
    private static readonly UsQualifiedEmployeeDiscountRule Us = new();

    [Fact]
    public void Goods_at_30_percent_off_with_a_25_percent_gross_profit_make_5_percent_of_the_external_price_taxable()
    {
        var result = Us.Assess(new BenefitLine(SupplyKind.Goods, true, 100.00m, 70.00m, 1, 25m, "USD"));

        Assert.Equal(new BenefitAssessment(30.00m, 25.00m, 5.00m), result);
    }

    [Fact]
    public void A_service_at_40_percent_off_makes_20_percent_of_the_external_price_taxable()
    {
        var result = Us.Assess(new BenefitLine(SupplyKind.Service, true, 100.00m, 60.00m, 1, 99m, "USD"));

        Assert.Equal(new BenefitAssessment(40.00m, 20.00m, 20.00m), result);
    }

    [Fact]
    public void Outside_the_employee_s_line_of_business_the_whole_discount_is_taxable()
    {
        var result = Us.Assess(new BenefitLine(SupplyKind.Service, false, 240.00m, 180.00m, 2, 50m, "USD"));

        Assert.Equal(new BenefitAssessment(120.00m, 0m, 120.00m), result);
    }

    [Fact]
    public void A_discount_within_the_limit_is_not_taxable_and_amounts_are_rounded_once_per_line()
    {
        var result = Us.Assess(new BenefitLine(SupplyKind.Goods, true, 33.33m, 30.00m, 3, 37.5m, "USD"));

        Assert.Equal(9.99m, result.Discount);
        Assert.Equal(37.50m, result.QualifiedLimit); // 99.99 x 37.5 % = 37.49625 -> 37.50
        Assert.Equal(0m, result.TaxableExcess);
    }

    [Fact]
    public void Without_benefit_tax_nothing_is_taxable()
    {
        var result = new NoBenefitTaxRule().Assess(new BenefitLine(SupplyKind.Goods, false, 100m, 10m, 1, 0m, "USD"));

        Assert.Equal(new BenefitAssessment(90m, 90m, 0m), result);
    }
}

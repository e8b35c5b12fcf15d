using InternalStore.Pricing;

namespace InternalStore.Domain.Benefits;

/// <summary>Whether a product is goods or a service: the fringe-benefit rules treat them differently.</summary>
public enum SupplyKind
{
    Goods,
    Service,
}

/// <summary>One employee order line as a benefit-tax rule sees it.</summary>
/// <param name="SameLineOfBusiness">The item belongs to the line of business the employee works in.</param>
/// <param name="GrossProfitPercent">The employer's gross profit percentage for the item's line of business and year.</param>
public sealed record BenefitLine(SupplyKind Kind, bool SameLineOfBusiness, decimal ExternalUnitPrice,
    decimal EmployeeUnitPrice, int Quantity, decimal GrossProfitPercent, string Currency);

/// <param name="Discount">What the employee saved against the price external customers pay.</param>
/// <param name="QualifiedLimit">How much of a discount is tax-free.</param>
/// <param name="TaxableExcess">The discount above the limit: taxable wages, never negative.</param>
public sealed record BenefitAssessment(decimal Discount, decimal QualifiedLimit, decimal TaxableExcess);

/// <summary>How employee discounts are taxed. Each amount is rounded once, per line, to the currency's minor unit.</summary>
public interface IBenefitTaxRule
{
    /// <summary>The configuration name (<c>Benefits:TaxRule</c>).</summary>
    string Name { get; }

    BenefitAssessment Assess(BenefitLine line);
}

/// <summary>The default outside the US: discounts are not taxed as wages.</summary>
public sealed class NoBenefitTaxRule : IBenefitTaxRule
{
    public const string RuleName = "none";

    public string Name => RuleName;

    public BenefitAssessment Assess(BenefitLine line)
    {
        var discount = BenefitMath.Discount(line);
        return new BenefitAssessment(discount, discount, 0m);
    }
}

/// <summary>
/// US IRC §132(c), the qualified employee discount: tax-free up to the employer's gross profit
/// percentage of the customer price for goods and 20 % of it for services, and only on the line of
/// business the employee works in. The excess is taxable wages.
/// </summary>
public sealed class UsQualifiedEmployeeDiscountRule : IBenefitTaxRule
{
    public const string RuleName = "us-qualified-employee-discount";
    public const decimal ServiceLimitPercent = 20m;

    public string Name => RuleName;

    public BenefitAssessment Assess(BenefitLine line)
    {
        var discount = BenefitMath.Discount(line);
        var percent = !line.SameLineOfBusiness ? 0m
            : line.Kind == SupplyKind.Service ? ServiceLimitPercent
            : Math.Clamp(line.GrossProfitPercent, 0m, 100m);
        var limit = Currencies.Round(line.ExternalUnitPrice * line.Quantity * percent / 100m, line.Currency);
        return new BenefitAssessment(discount, limit, Math.Max(0m, discount - limit));
    }
}

internal static class BenefitMath
{
    public static decimal Discount(BenefitLine line) =>
        Math.Max(0m, Currencies.Round((line.ExternalUnitPrice - line.EmployeeUnitPrice) * line.Quantity, line.Currency));
}

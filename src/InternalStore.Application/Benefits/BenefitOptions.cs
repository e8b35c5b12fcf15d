using InternalStore.Domain.Benefits;

namespace InternalStore.Application.Benefits;

/// <summary>The <c>Benefits</c> configuration section: which fringe-benefit tax rule applies.</summary>
public sealed class BenefitOptions
{
    public const string Section = "Benefits";

    /// <summary><c>none</c> (the default: discounts are not taxed) or <c>us-qualified-employee-discount</c> (IRC §132(c)).</summary>
    public string TaxRule { get; set; } = NoBenefitTaxRule.RuleName;

    public static IBenefitTaxRule Resolve(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        null or "" or NoBenefitTaxRule.RuleName => new NoBenefitTaxRule(),
        UsQualifiedEmployeeDiscountRule.RuleName or "us" => new UsQualifiedEmployeeDiscountRule(),
        _ => throw new InvalidOperationException(
            $"Benefits:TaxRule '{name}' is not known; use '{NoBenefitTaxRule.RuleName}' or '{UsQualifiedEmployeeDiscountRule.RuleName}'."),
    };
}

using InternalStore.Domain.Common;
using FluentValidation;
using InternalStore.Domain.Catalog;
using InternalStore.Pricing;

namespace InternalStore.Application.Catalog;

/// <summary>Validation rules shared by the catalog's commands.</summary>
internal static class CatalogRules
{
    /// <summary>Lower-case words joined by hyphens, like <c>gift-cards</c>.</summary>
    public const string CategoryPattern = "^[a-z0-9]+(-[a-z0-9]+)*$";

    public const string SkuPattern = "^[A-Za-z0-9][A-Za-z0-9._-]*$";

    private const decimal MaxAmount = 1_000_000_000m;

    public static IRuleBuilderOptions<T, string?> ValidSku<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().MaximumLength(Product.MaxSkuLength).Matches(SkuPattern)
            .WithMessage("A SKU is letters, digits, '.', '_' or '-', starting with a letter or digit.");

    public static void ProductInputRules<T>(this AbstractValidator<T> v, Func<T, ProductInput> input)
    {
        v.RuleFor(x => input(x).SupplyKind).Must(k => k is null || WireNames.TryParseWire<Domain.Benefits.SupplyKind>(k, out _))
            .WithMessage("supplyKind is goods or service, or left out for the category's default (services are services).")
            .OverridePropertyName("supplyKind");
        v.RuleFor(x => input(x).Name).NotEmpty().MaximumLength(Product.MaxNameLength).OverridePropertyName("name");
        v.RuleFor(x => input(x).Description).MaximumLength(Product.MaxDescriptionLength)
            .OverridePropertyName("description");
        v.RuleFor(x => input(x).Category).NotEmpty().MaximumLength(Product.MaxCategoryLength)
            .Matches(CategoryPattern).WithMessage("A category is lower-case words joined by hyphens, like 'gift-cards'.")
            .OverridePropertyName("category");
        v.RuleFor(x => CurrencyOf(input(x))).Must(Currencies.IsSupported)
            .WithMessage(x => $"Currency '{CurrencyOf(input(x))}' is not supported; use an ISO 4217 code such as USD.")
            .WithErrorCode("unsupported-currency")
            .OverridePropertyName("currency");
        v.RuleFor(x => input(x).ListPrice).NotNull().GreaterThanOrEqualTo(0).LessThan(MaxAmount)
            .Must((x, price) => !Currencies.IsSupported(CurrencyOf(input(x)))
                || Currencies.IsWholeMinorUnits(price!.Value, CurrencyOf(input(x))))
            .WithMessage("The list price has more decimals than the currency's minor unit.")
            .OverridePropertyName("listPrice");
        v.RuleFor(x => input(x).UnitCost).NotNull().GreaterThanOrEqualTo(0).LessThan(MaxAmount)
            .PrecisionScale(19, 4, ignoreTrailingZeros: true)
            .OverridePropertyName("unitCost");
    }

    private static string CurrencyOf(ProductInput input) => input.Currency ?? ProductInput.DefaultCurrency;
}

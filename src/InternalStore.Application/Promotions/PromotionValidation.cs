using FluentValidation;
using InternalStore.Domain.Pricing;

namespace InternalStore.Application.Promotions;

internal static class PromotionValidation
{
    public static void InputRules<T>(this AbstractValidator<T> v, Func<T, PromotionInput> input)
    {
        v.RuleFor(x => input(x)).Must(i => (i.Sku is null) != (i.Category is null))
            .WithMessage("A promotion names either a sku or a category, not both.").OverridePropertyName("sku");
        v.RuleFor(x => input(x).Percent).NotNull().InclusiveBetween(0m, 100m).OverridePropertyName("percent");
        v.RuleFor(x => input(x).Audience).Must(StorePromotion.IsAudience)
            .WithMessage("The audience is all, external or employee.").OverridePropertyName("audience");
        v.RuleFor(x => input(x).From).NotNull().OverridePropertyName("from");
        v.RuleFor(x => input(x).To).NotNull().GreaterThanOrEqualTo(x => input(x).From)
            .WithMessage("A promotion ends on or after the day it starts.").OverridePropertyName("to");
    }
}

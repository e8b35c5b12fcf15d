using FluentValidation;
using InternalStore.Application.Catalog;
using InternalStore.Domain.Common;
using InternalStore.Domain.Subscriptions;
using InternalStore.Pricing;

namespace InternalStore.Application.Subscriptions;

/// <summary>A plan's terms as a client sends them; nullable so that a missing field is an error naming it.</summary>
public sealed record ServicePlanInput(
    string? Name,
    string? Sku,
    string? Provider,
    string? Period,
    decimal? PricePerPeriod,
    decimal? CostPerPeriod,
    int? MinimumTermPeriods,
    int? NoticeDays,
    bool? AfterProbationOnly,
    IReadOnlyList<string>? Companies,
    DateOnly? EnrolmentOpens,
    DateOnly? EnrolmentCloses,
    bool? AllowsPause,
    bool? AllowsImmediateCancel,
    bool? Active)
{
    /// <summary>Only after validation.</summary>
    public ServicePlanTerms ToTerms() => new(Name!.Trim(), Sku!, Provider!, Parse(Period)!.Value, PricePerPeriod!.Value,
        CostPerPeriod!.Value, MinimumTermPeriods ?? 0, NoticeDays ?? 30, AfterProbationOnly ?? false,
        [.. (Companies ?? []).Select(c => c.Trim())], EnrolmentOpens, EnrolmentCloses, AllowsPause ?? false,
        AllowsImmediateCancel ?? false, Active ?? true);

    public static PlanPeriod? Parse(string? period) => WireNames.TryParseWire<PlanPeriod>(period, out var p) ? p : null;
}

internal static class ServicePlanRules
{
    private const decimal MaxAmount = 1_000_000m;

    public static void PlanInputRules<T>(this AbstractValidator<T> v, Func<T, ServicePlanInput?> input, string currency)
    {
        v.RuleFor(x => input(x)).NotNull().WithMessage("Send the plan's terms as a JSON object.").OverridePropertyName("body");
        v.When(x => input(x) is not null, () =>
        {
            v.RuleFor(x => input(x)!.Name).NotEmpty().MaximumLength(ServicePlan.MaxNameLength).OverridePropertyName("name");
            v.RuleFor(x => input(x)!.Sku).ValidSku().OverridePropertyName("sku");
            v.RuleFor(x => input(x)!.Provider).NotEmpty().MaximumLength(20)
                .WithMessage("provider is the code of the company that provides the service, e.g. XYZ.").OverridePropertyName("provider");
            v.RuleFor(x => input(x)!.Period).Must(p => ServicePlanInput.Parse(p) is not null)
                .WithMessage($"period is one of {WireNames.All<PlanPeriod>()}: each calendar month, or each pay period.")
                .OverridePropertyName("period");
            v.RuleFor(x => input(x)!.PricePerPeriod).NotNull().GreaterThan(0).LessThan(MaxAmount)
                .Must(p => p is null || Currencies.IsWholeMinorUnits(p.Value, currency))
                .WithMessage($"pricePerPeriod is more than 0 and in whole minor units of {currency}.")
                .OverridePropertyName("pricePerPeriod");
            v.RuleFor(x => input(x)!.CostPerPeriod).NotNull().GreaterThanOrEqualTo(0).LessThan(MaxAmount)
                .PrecisionScale(19, 4, ignoreTrailingZeros: true).OverridePropertyName("costPerPeriod");
            v.RuleFor(x => input(x)!.CostPerPeriod).Must((x, cost) => cost is null || input(x)!.PricePerPeriod is not { } price || cost <= price)
                .WithMessage("costPerPeriod is at most pricePerPeriod: external customers never pay below cost.")
                .OverridePropertyName("costPerPeriod");
            v.RuleFor(x => input(x)!.MinimumTermPeriods).InclusiveBetween(0, ServicePlan.MaxMinimumTerm)
                .OverridePropertyName("minimumTermPeriods");
            v.RuleFor(x => input(x)!.NoticeDays).InclusiveBetween(0, ServicePlan.MaxNoticeDays).OverridePropertyName("noticeDays");
            v.RuleFor(x => input(x)!.Companies).Must(c => c is null || c.Count <= 100 && c.All(code => !string.IsNullOrWhiteSpace(code) && code.Length <= 20))
                .WithMessage("companies lists up to 100 company codes (leave it out for every company).").OverridePropertyName("companies");
            v.RuleFor(x => input(x)!.EnrolmentCloses)
                .Must((x, closes) => closes is null || input(x)!.EnrolmentOpens is not { } opens || closes >= opens)
                .WithMessage("enrolmentCloses is on or after enrolmentOpens.").OverridePropertyName("enrolmentCloses");
        });
    }
}

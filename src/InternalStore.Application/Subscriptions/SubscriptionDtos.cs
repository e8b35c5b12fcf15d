using InternalStore.Application.Pricing;
using InternalStore.Domain.Common;
using InternalStore.Domain.Subscriptions;

namespace InternalStore.Application.Subscriptions;

/// <summary>A plan, and for an employee what it costs them.</summary>
/// <param name="Mine">The caller's price per period and first charge; null for staff and for plans not open to them.</param>
public sealed record ServicePlanDto(string Id, string Name, string Sku, string Provider, string Period, decimal PricePerPeriod,
    decimal? CostPerPeriod, string Currency, int MinimumTermPeriods, int NoticeDays, bool AfterProbationOnly,
    IReadOnlyList<string> Companies, DateOnly? EnrolmentOpens, DateOnly? EnrolmentCloses, bool AllowsPause,
    bool AllowsImmediateCancel, bool Active, long Version, IReadOnlyList<ServicePlanPriceDto> Prices, MyPlanPriceDto? Mine);

public sealed record ServicePlanPriceDto(decimal PricePerPeriod, decimal? CostPerPeriod, DateOnly ChangedOn,
    DateOnly ReachesSubscribersFrom, string ChangedBy);

/// <param name="PricePerPeriod">The caller's price for a whole period under their policy today.</param>
/// <param name="FirstCharge">What the first (prorated) period costs, and on which pay date it is deducted.</param>
/// <param name="Unavailable">Why the caller cannot enrol (eligibility, window, already subscribed); null when they can.</param>
public sealed record MyPlanPriceDto(decimal PricePerPeriod, decimal ExternalPricePerPeriod, DateOnly StartsOn, decimal FirstCharge,
    DateOnly FirstPayDate, IReadOnlyList<ExplanationStepDto> Explanation, string? Unavailable);

public sealed record SubscriptionDto(Guid Id, string Plan, string PlanName, string Sku, string EmployeeId, string EmployeeName,
    string Company, string Status, DateTimeOffset EnrolledAt, DateOnly StartsOn, DateOnly? EndsOn, string? EndReason,
    DateOnly? PausedFrom, DateOnly? ResumesOn, decimal ChargePerPeriod, decimal Arrears, int MissedPeriods,
    DateOnly? LastBilledPeriod, string Currency, string? NextCompany, DateOnly? NextCompanyFrom,
    IReadOnlyList<SubscriptionChargeDto> Charges);

public sealed record SubscriptionChargeDto(long Id, Guid SubscriptionId, string Plan, string Sku, string EmployeeId, string Kind,
    DateOnly PayDate, DateOnly? CoverageFrom, DateOnly? CoverageTo, string Company, decimal ExternalAmount, decimal Amount,
    decimal AllowanceTaken, decimal ArrearsIn, decimal Collected, decimal ArrearsOut, IReadOnlyList<ExplanationStepDto> Explanation);

public static class SubscriptionMapping
{
    public static ServicePlanDto ToDto(this ServicePlan plan, bool includeCost, Domain.Settlement.PayrollCalendar calendar,
        MyPlanPriceDto? mine = null) => new(
        plan.Id, plan.Name, plan.Sku, plan.Provider, plan.Period.WireName(), plan.PricePerPeriod,
        includeCost ? plan.CostPerPeriod : null, plan.Currency, plan.MinimumTermPeriods, plan.NoticeDays, plan.AfterProbationOnly,
        plan.Companies, plan.EnrolmentOpens, plan.EnrolmentCloses, plan.AllowsPause, plan.AllowsImmediateCancel, plan.Active,
        plan.Version,
        [.. plan.Prices.OrderBy(p => p.ChangedAt).Select(p => new ServicePlanPriceDto(p.PricePerPeriod,
            includeCost ? p.CostPerPeriod : null, p.ChangedOn, plan.ReachesSubscribersFrom(p.ChangedOn, calendar), p.ChangedBy))],
        mine);

    public static SubscriptionDto ToDto(this Subscription s, ServicePlan plan, string employeeName,
        IEnumerable<SubscriptionCharge> charges) => new(
        s.Id, s.PlanId, plan.Name, plan.Sku, s.EmployeeId, employeeName, s.Company, s.Status.WireName(), s.EnrolledAt, s.StartsOn,
        s.EndsOn, s.EndReason, s.PausedFrom, s.ResumesOn, Money(s.ChargePerPeriod, s.Currency), Money(s.Arrears, s.Currency),
        s.MissedPeriods, s.LastBilledPeriod, s.Currency, s.NextCompany, s.NextCompanyFrom,
        [.. charges.OrderBy(c => c.PayDate).ThenBy(c => c.Id).Select(c => c.ToDto())]);

    public static SubscriptionChargeDto ToDto(this SubscriptionCharge c) => new(
        c.Id, c.SubscriptionId, c.PlanId, c.Sku, c.EmployeeId, c.Kind.WireName(), c.PayDate, c.CoverageFrom, c.CoverageTo, c.Company,
        Money(c.ExternalAmount, c.Currency), Money(c.Amount, c.Currency), Money(c.AllowanceTaken, c.Currency),
        Money(c.ArrearsIn, c.Currency), Money(c.Collected, c.Currency), Money(c.ArrearsOut, c.Currency),
        System.Text.Json.JsonSerializer.Deserialize<List<ExplanationStepDto>>(c.Explanation, PricingJson.Options) ?? []);

    internal static decimal Money(decimal amount, string currency) => InternalStore.Pricing.Currencies.ToMinorUnitScale(amount, currency);
}

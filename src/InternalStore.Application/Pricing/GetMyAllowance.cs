using InternalStore.Application.Authority;
using InternalStore.Application.Common;
using InternalStore.Domain.Common;
using InternalStore.Pricing;
using Mediator;
using Microsoft.Extensions.Options;

namespace InternalStore.Application.Pricing;

public sealed record AllowanceDto(
    int Year,
    string Currency,
    decimal? Cap,
    decimal Used,
    decimal Reserved,
    decimal? Remaining,
    string? Tier,
    bool Eligible,
    IReadOnlyList<QuantityLimitUsageDto> QuantityLimits);

public sealed record QuantityLimitUsageDto(string Sku, int MaxUnits, int WindowDays, long Used, long Remaining);

/// <summary>The caller's allowance for the calendar year and their quantity-limit usage.</summary>
public sealed record GetMyAllowanceQuery(Caller Caller) : IQuery<AllowanceDto>, ICallerMessage;

public sealed class GetMyAllowanceHandler(PricingFacts facts, TimeProvider clock, IOptions<PricingOptions> options)
    : IQueryHandler<GetMyAllowanceQuery, AllowanceDto>
{
    public async ValueTask<AllowanceDto> Handle(GetMyAllowanceQuery query, CancellationToken cancellationToken)
    {
        var employee = await facts.EmployeeAsync(query.Caller.Subject, cancellationToken)
            ?? throw new NotFoundException("Employee", query.Caller.Subject);
        return await AllowanceReport.ReadAsync(facts, employee, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), options.Value.Currency,
            cancellationToken);
    }
}

/// <summary>An employee's allowance and quantity limits as their policy in force on a day reads them (their own page, a help desk case).</summary>
public static class AllowanceReport
{
    public static async Task<AllowanceDto> ReadAsync(PricingFacts facts, Domain.People.Employee employee, DateOnly asOf, string currency,
        CancellationToken cancellationToken)
    {
        var policyVersion = await facts.PolicyInForceAsync(employee.CompanyCode, asOf, cancellationToken);
        var policy = policyVersion is null ? new DiscountPolicy() : DiscountPolicyJson.Read(policyVersion.Document);
        var buyer = PricingFacts.ToBuyer(employee, asOf);
        var eligible = PricingEngine.IsEligible(buyer, policy, asOf);

        var (used, reserved) = await facts.AllowanceAsync(employee.Id, asOf.Year, cancellationToken);
        var remaining = policy.AnnualAllowance is { } cap ? Math.Max(0m, cap - used - reserved) : (decimal?)null;
        var purchases = await facts.PurchasesAsync(employee.Id, asOf, PricingFacts.LongestWindow(policy), cancellationToken);
        var limits = policy.QuantityLimits.Select(l =>
        {
            var counted = purchases.Where(p => p.Sku == l.Sku && asOf.DayNumber - p.Date.DayNumber is var age
                                               && age >= 0 && age < l.WindowDays).Sum(p => (long)p.Units);
            return new QuantityLimitUsageDto(l.Sku, l.MaxUnits, l.WindowDays, counted, Math.Max(0, l.MaxUnits - counted));
        }).ToList();
        return new AllowanceDto(asOf.Year, currency, policy.AnnualAllowance, Currencies.ToMinorUnitScale(used, currency),
            Currencies.ToMinorUnitScale(reserved, currency), remaining,
            eligible ? PricingEngine.TierFor(buyer, policy, asOf)?.Id : null, eligible, limits);
    }
}

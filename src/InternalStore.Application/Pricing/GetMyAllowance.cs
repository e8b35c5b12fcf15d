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
public sealed record GetMyAllowanceQuery(Caller Caller) : IQuery<AllowanceDto>;

public sealed class GetMyAllowanceHandler(PricingFacts facts, TimeProvider clock, IOptions<PricingOptions> options)
    : IQueryHandler<GetMyAllowanceQuery, AllowanceDto>
{
    public async ValueTask<AllowanceDto> Handle(GetMyAllowanceQuery query, CancellationToken cancellationToken)
    {
        var asOf = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var employee = await facts.EmployeeAsync(query.Caller.Subject, cancellationToken)
            ?? throw new NotFoundException("Employee", query.Caller.Subject);
        var policyVersion = await facts.PolicyInForceAsync(employee.CompanyCode, asOf, cancellationToken);
        var policy = policyVersion is null ? new DiscountPolicy() : DiscountPolicyJson.Read(policyVersion.Document);
        var buyer = PricingFacts.ToBuyer(employee, asOf);
        var eligible = PricingEngine.IsEligible(buyer, policy, asOf);

        // Until orders exist, nothing has been used or reserved; the order ledgers feed these.
        const decimal used = 0m, reserved = 0m;
        var remaining = policy.AnnualAllowance is { } cap ? Math.Max(0m, cap - used - reserved) : (decimal?)null;
        var limits = policy.QuantityLimits.Select(l => new QuantityLimitUsageDto(l.Sku, l.MaxUnits, l.WindowDays, 0,
            l.MaxUnits)).ToList();
        return new AllowanceDto(asOf.Year, options.Value.Currency, policy.AnnualAllowance, used, reserved, remaining,
            eligible ? PricingEngine.TierFor(buyer, policy, asOf)?.Id : null, eligible, limits);
    }
}

using InternalStore.Application.Authority;
using InternalStore.Application.Common;
using InternalStore.Application.Pricing;
using InternalStore.Domain.Common;
using InternalStore.Pricing;
using Mediator;

namespace InternalStore.Application.People;

/// <summary>The caller's own record, the tier in force for them and why, and their allowance.</summary>
public sealed record MeDto(EmployeeDto Profile, string PricedAs, string? Tier, string Why, AllowanceDto Allowance);

public sealed record GetMeQuery(Caller Caller) : IQuery<MeDto>, ICallerMessage;

public sealed class GetMeHandler(PricingFacts facts, ISender sender, TimeProvider clock) : IQueryHandler<GetMeQuery, MeDto>
{
    public async ValueTask<MeDto> Handle(GetMeQuery query, CancellationToken cancellationToken)
    {
        var employee = await facts.EmployeeAsync(query.Caller.Subject, cancellationToken)
            ?? throw new NotFoundException("Employee", query.Caller.Subject);
        var asOf = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var version = await facts.PolicyInForceAsync(employee.CompanyCode, asOf, cancellationToken);
        var policy = version is null ? new DiscountPolicy() : DiscountPolicyJson.Read(version.Document);
        var buyer = PricingFacts.ToBuyer(employee, asOf);
        var months = PricingEngine.TenureMonths(employee.HireDate, asOf);
        var allowance = await sender.Send(new GetMyAllowanceQuery(query.Caller), cancellationToken);

        if (!PricingEngine.IsEligible(buyer, policy, asOf))
        {
            var why = buyer.Status == EmploymentStatus.Terminated
                ? "No longer employed: priced as an external buyer."
                : $"In probation until {employee.HireDate.AddDays(policy.ProbationDays):yyyy-MM-dd}: priced as an external buyer.";
            return new MeDto(employee.ToDto(), "external", null, why, allowance);
        }

        var tier = PricingEngine.TierFor(buyer, policy, asOf);
        var reason = tier is null
            ? $"No tier of the policy matches grade {employee.Grade} with {months} full months of service."
            : $"Tier {tier.Id} ({tier.Percent} %): grade {employee.Grade}{(tier.MinGrade is { } g ? $" >= {g}" : "")}, "
              + $"{months} full months of service{(tier.MinTenureMonths is { } m ? $" >= {m}" : "")}"
              + $", under '{version?.Name}' of {version?.CompanyCode}.";
        return new MeDto(employee.ToDto(), "employee", tier?.Id, reason, allowance);
    }
}

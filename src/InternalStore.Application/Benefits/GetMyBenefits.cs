using InternalStore.Application.Authority;
using InternalStore.Application.Common;
using InternalStore.Pricing;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InternalStore.Application.Benefits;

public sealed record BenefitPeriodDto(DateOnly Period, decimal Discount, decimal QualifiedLimit, decimal TaxableExcess);

public sealed record MyBenefitsDto(int Year, string Rule, string Currency, decimal Discount, decimal QualifiedLimit,
    decimal TaxableExcess, IReadOnlyList<BenefitPeriodDto> Periods);

/// <summary>The caller's discounts this year, how much of them is tax-free and what payroll reports as taxable, by pay period.</summary>
public sealed record GetMyBenefitsQuery(Caller Caller) : IQuery<MyBenefitsDto>, ICallerMessage;

public sealed class GetMyBenefitsHandler(IStoreDb db, BenefitRecorder recorder, TimeProvider clock,
    IOptions<Pricing.PricingOptions> pricing) : IQueryHandler<GetMyBenefitsQuery, MyBenefitsDto>
{
    public async ValueTask<MyBenefitsDto> Handle(GetMyBenefitsQuery query, CancellationToken cancellationToken)
    {
        var year = clock.GetUtcNow().UtcDateTime.Year;
        var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var entries = await db.BenefitEntries.AsNoTracking()
            .Where(e => e.EmployeeId == query.Caller.Subject && e.Period >= from && e.Period <= to)
            .ToListAsync(cancellationToken);
        var currency = pricing.Value.Currency;
        decimal M(decimal amount) => Currencies.ToMinorUnitScale(amount, currency);
        return new MyBenefitsDto(year, recorder.Rule.Name, currency, M(entries.Sum(e => e.Discount)),
            M(entries.Sum(e => e.QualifiedLimit)), M(entries.Sum(e => e.TaxableExcess)),
            entries.GroupBy(e => e.Period).OrderBy(g => g.Key)
                .Select(g => new BenefitPeriodDto(g.Key, M(g.Sum(e => e.Discount)), M(g.Sum(e => e.QualifiedLimit)),
                    M(g.Sum(e => e.TaxableExcess)))).ToList());
    }
}

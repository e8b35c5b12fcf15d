using InternalStore.Application.Authority;
using InternalStore.Application.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InternalStore.Application.InternalServices;

/// <summary>The months with usage or a close, newest first, of the companies finance covers.</summary>
public sealed record ListPeriodsQuery(Caller Caller) : IQuery<IReadOnlyList<AccountingPeriodDto>>, ICallerMessage;

public sealed class ListPeriodsHandler(IStoreDb db, OrganisationAuthority authority, IOptions<Pricing.PricingOptions> options)
    : IQueryHandler<ListPeriodsQuery, IReadOnlyList<AccountingPeriodDto>>
{
    public async ValueTask<IReadOnlyList<AccountingPeriodDto>> Handle(ListPeriodsQuery query, CancellationToken cancellationToken)
    {
        var companies = (await authority.ScopeOfAsync(query.Caller, cancellationToken)).Companies.ToList();
        var periods = await db.AccountingPeriods.AsNoTracking().Where(p => companies.Contains(p.Company))
            .OrderByDescending(p => p.Month).ThenBy(p => p.Company).Take(240).ToListAsync(cancellationToken);
        return periods.Select(p => p.ToDto(options.Value.Currency)).ToList();
    }
}

using InternalStore.Application.Authority;
using FluentValidation;
using InternalStore.Application.Common;
using InternalStore.Domain.Benefits;
using InternalStore.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace InternalStore.Application.Benefits;

public sealed record GrossProfitRateDto(string Company, string LineOfBusiness, int Year, decimal Percent, string Source,
    string? SetBy, DateTimeOffset? SetAt);

public sealed record GrossProfitHistoryDto(string Company, string LineOfBusiness, int Year, decimal Percent, string SetBy,
    string Reason, DateTimeOffset SetAt);

public sealed record GrossProfitRatesDto(int Year, IReadOnlyList<GrossProfitRateDto> Rates, IReadOnlyList<GrossProfitHistoryDto> History);

/// <summary>Each company's gross profit percentage per line of business for a year, where it comes from, and every setting made.</summary>
public sealed record GetGrossProfitRatesQuery(Caller Caller, int Year) : IQuery<GrossProfitRatesDto>, ICallerMessage;

public sealed class GetGrossProfitRatesValidator : AbstractValidator<GetGrossProfitRatesQuery>
{
    public GetGrossProfitRatesValidator() => RuleFor(x => x.Year).InclusiveBetween(2000, 2100).OverridePropertyName("year");
}

/// <remarks>The companies of the caller's scope only, with their settings' history.</remarks>
public sealed class GetGrossProfitRatesHandler(IStoreDb db, OrganisationAuthority authority, GrossProfitRates rates)
    : IQueryHandler<GetGrossProfitRatesQuery, GrossProfitRatesDto>
{
    public async ValueTask<GrossProfitRatesDto> Handle(GetGrossProfitRatesQuery query, CancellationToken cancellationToken)
    {
        var visible = (await authority.ScopeOfAsync(query.Caller, cancellationToken)).Companies.ToList();
        var companies = await db.Companies.AsNoTracking().Where(c => visible.Contains(c.Code)).OrderBy(c => c.Code)
            .ToListAsync(cancellationToken);
        var result = new List<GrossProfitRateDto>();
        foreach (var company in companies)
        {
            foreach (var kind in company.LineOfBusiness is { } only ? [only] : Enum.GetValues<SupplyKind>())
            {
                var rate = await rates.ForAsync(company.Code, kind, query.Year, cancellationToken);
                result.Add(new GrossProfitRateDto(company.Code, kind.WireName(), query.Year, rate.Percent, rate.Source, rate.SetBy, rate.SetAt));
            }
        }

        var history = await db.GrossProfitRates.AsNoTracking()
            .Where(r => r.Year == query.Year && visible.Contains(r.CompanyCode)).OrderBy(r => r.Id)
            .ToListAsync(cancellationToken);
        return new GrossProfitRatesDto(query.Year, result, history.Select(r => new GrossProfitHistoryDto(r.CompanyCode,
            r.LineOfBusiness.WireName(), r.Year, r.Percent, r.SetBy, r.Reason, r.SetAt)).ToList());
    }

}

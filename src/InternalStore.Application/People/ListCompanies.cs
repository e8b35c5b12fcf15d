using InternalStore.Application.Authority;
using InternalStore.Application.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace InternalStore.Application.People;

/// <summary>The group's companies with their cost centres.</summary>
public sealed record ListCompaniesQuery(Caller Caller) : IQuery<IReadOnlyList<CompanyDto>>, ICallerMessage;

public sealed class ListCompaniesHandler(IStoreDb db) : IQueryHandler<ListCompaniesQuery, IReadOnlyList<CompanyDto>>
{
    public async ValueTask<IReadOnlyList<CompanyDto>> Handle(ListCompaniesQuery query, CancellationToken cancellationToken)
    {
        var companies = await db.Companies.AsNoTracking().OrderBy(c => c.Code).ToListAsync(cancellationToken);
        var costCenters = await db.CostCenters.AsNoTracking().OrderBy(c => c.Code).ToListAsync(cancellationToken);
        return companies.Select(c => new CompanyDto(c.Code, c.Name, c.ParentCode,
                costCenters.Where(cc => cc.CompanyCode == c.Code).Select(cc => new CostCenterDto(cc.Code, cc.Name)).ToList()))
            .ToList();
    }
}

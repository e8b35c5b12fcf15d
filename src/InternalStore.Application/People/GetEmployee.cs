using InternalStore.Application.Authority;
using InternalStore.Application.Common;
using InternalStore.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace InternalStore.Application.People;

public sealed record GetEmployeeQuery(Caller Caller, string Id) : IQuery<EmployeeDto>, ICallerMessage;

public sealed class GetEmployeeHandler(IStoreDb db, OrganisationAuthority authority) : IQueryHandler<GetEmployeeQuery, EmployeeDto>
{
    public async ValueTask<EmployeeDto> Handle(GetEmployeeQuery query, CancellationToken cancellationToken)
    {
        var companies = (await authority.ScopeOfAsync(query.Caller, cancellationToken)).Companies.ToList();
        var employee = await db.Employees.AsNoTracking()
            .Where(e => e.Id == query.Id && companies.Contains(e.CompanyCode))
            .ProjectToDto()
            .FirstOrDefaultAsync(cancellationToken);
        return employee ?? throw new NotFoundException("Employee", query.Id);
    }
}

using InternalStore.Application.Common;
using InternalStore.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace InternalStore.Application.People;

public sealed record GetEmployeeQuery(Caller Caller, string Id) : IQuery<EmployeeDto>;

public sealed class GetEmployeeHandler(IStoreDb db) : IQueryHandler<GetEmployeeQuery, EmployeeDto>
{
    public async ValueTask<EmployeeDto> Handle(GetEmployeeQuery query, CancellationToken cancellationToken)
    {
        var companies = await db.VisibleCompaniesAsync(query.Caller, cancellationToken);
        var employee = await db.Employees.AsNoTracking()
            .Where(e => e.Id == query.Id && companies.Contains(e.CompanyCode))
            .ProjectToDto()
            .FirstOrDefaultAsync(cancellationToken);
        return employee ?? throw new NotFoundException("Employee", query.Id);
    }
}

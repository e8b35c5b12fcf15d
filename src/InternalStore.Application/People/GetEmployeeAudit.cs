using InternalStore.Application.Authority;
using InternalStore.Application.Common;
using InternalStore.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace InternalStore.Application.People;

/// <summary>Who changed what in an employee's record, oldest first.</summary>
public sealed record GetEmployeeAuditQuery(Caller Caller, string Id) : IQuery<IReadOnlyList<EmployeeAuditDto>>, ICallerMessage;

public sealed class GetEmployeeAuditHandler(IStoreDb db, OrganisationAuthority authority) : IQueryHandler<GetEmployeeAuditQuery, IReadOnlyList<EmployeeAuditDto>>
{
    public async ValueTask<IReadOnlyList<EmployeeAuditDto>> Handle(GetEmployeeAuditQuery query, CancellationToken cancellationToken)
    {
        var companies = (await authority.ScopeOfAsync(query.Caller, cancellationToken)).Companies.ToList();
        if (!await db.Employees.AnyAsync(e => e.Id == query.Id && companies.Contains(e.CompanyCode), cancellationToken))
            throw new NotFoundException("Employee", query.Id);
        return await db.EmployeeAudit.AsNoTracking().Where(e => e.EmployeeId == query.Id).OrderBy(e => e.Id)
            .Select(e => new EmployeeAuditDto(e.At, e.By, e.Field, e.Before, e.After))
            .ToListAsync(cancellationToken);
    }
}

using InternalStore.Application.Authority;
using FluentValidation;
using InternalStore.Application.Common;
using InternalStore.Domain.People;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace InternalStore.Application.People;

public sealed record ListEmployeesQuery(Caller Caller, string? Company, string? Status, string? Search, int Page,
    int PageSize) : IQuery<Page<EmployeeDto>>, ICallerMessage;

public sealed class ListEmployeesValidator : AbstractValidator<ListEmployeesQuery>
{
    public ListEmployeesValidator()
    {
        this.PageRules(x => x.Page, x => x.PageSize);
        RuleFor(x => x.Status).Must(s => s is null or "active" or "terminated")
            .WithMessage("Status is 'active' or 'terminated'.").OverridePropertyName("status");
        RuleFor(x => x.Search).MaximumLength(200).OverridePropertyName("q");
    }
}

public sealed class ListEmployeesHandler(IStoreDb db, OrganisationAuthority authority) : IQueryHandler<ListEmployeesQuery, Page<EmployeeDto>>
{
    public async ValueTask<Page<EmployeeDto>> Handle(ListEmployeesQuery query, CancellationToken cancellationToken)
    {
        var companies = (await authority.ScopeOfAsync(query.Caller, cancellationToken)).Companies.ToList();
        var employees = db.Employees.AsNoTracking().Where(e => companies.Contains(e.CompanyCode));
        if (!string.IsNullOrWhiteSpace(query.Company))
            employees = employees.Where(e => e.CompanyCode == query.Company);
        if (query.Status is not null)
        {
            var status = query.Status == "active" ? EmploymentStatus.Active : EmploymentStatus.Terminated;
            employees = employees.Where(e => e.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim().ToLowerInvariant();
            employees = employees.Where(e => e.Name.ToLower().Contains(term) || e.Email.ToLower().Contains(term)
                || e.Id.ToLower() == term);
        }

        var total = await employees.CountAsync(cancellationToken);
        var items = await employees.OrderBy(e => e.Id)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .ProjectToDto()
            .ToListAsync(cancellationToken);
        return new Page<EmployeeDto>(items, query.Page, query.PageSize, total);
    }
}

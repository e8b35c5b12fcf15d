using InternalStore.Application.Authority;
using System.Globalization;
using FluentValidation;
using InternalStore.Application.Common;
using InternalStore.Domain.Common;
using InternalStore.Domain.People;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace InternalStore.Application.People;

/// <summary>HR's edit of an employee: grade, cost centre, status and dates. Audited field by field.</summary>
public sealed record UpdateEmployeeCommand(Caller Caller, string Id, EmployeeInput Employee) : ICommand<EmployeeDto>, ICallerMessage;

public sealed record EmployeeInput(string? Name, string? Email, string? CostCenter, int? Grade, string? Status,
    DateOnly? HireDate, DateOnly? TerminationDate);

public sealed record EmployeeAuditDto(DateTimeOffset At, string By, string Field, string? Before, string? After);

public sealed class UpdateEmployeeValidator : AbstractValidator<UpdateEmployeeCommand>
{
    public UpdateEmployeeValidator()
    {
        RuleFor(x => x.Employee.Name).NotEmpty().MaximumLength(200).OverridePropertyName("name");
        RuleFor(x => x.Employee.Email).NotEmpty().MaximumLength(320).EmailAddress().OverridePropertyName("email");
        RuleFor(x => x.Employee.Grade).NotNull().InclusiveBetween(0, 100).OverridePropertyName("grade");
        RuleFor(x => x.Employee.Status).Must(s => s is "active" or "terminated")
            .WithMessage("Status is 'active' or 'terminated'.").OverridePropertyName("status");
        RuleFor(x => x.Employee.HireDate).NotNull().OverridePropertyName("hireDate");
        RuleFor(x => x.Employee.TerminationDate).NotNull().When(x => x.Employee.Status == "terminated")
            .WithMessage("A termination needs its date.").OverridePropertyName("terminationDate");
        RuleFor(x => x.Employee.TerminationDate).GreaterThanOrEqualTo(x => x.Employee.HireDate)
            .When(x => x.Employee.TerminationDate is not null && x.Employee.HireDate is not null)
            .OverridePropertyName("terminationDate");
    }
}

public sealed class UpdateEmployeeHandler(IStoreDb db, OrganisationAuthority authority, TimeProvider clock, Checkout.PayrollTermination payroll) : ICommandHandler<UpdateEmployeeCommand, EmployeeDto>
{
    public async ValueTask<EmployeeDto> Handle(UpdateEmployeeCommand command, CancellationToken cancellationToken)
    {
        var companies = (await authority.ScopeOfAsync(command.Caller, cancellationToken)).Companies.ToList();
        var employee = await db.Employees.FirstOrDefaultAsync(e => e.Id == command.Id, cancellationToken);
        if (employee is null || !companies.Contains(employee.CompanyCode))
            throw new NotFoundException("Employee", command.Id);
        var input = command.Employee;
        if (input.CostCenter is not null
            && !await db.CostCenters.AnyAsync(c => c.Code == input.CostCenter && c.CompanyCode == employee.CompanyCode, cancellationToken))
            throw new DomainValidationException("validation", "costCenter",
                $"Cost centre '{input.CostCenter}' is not one of {employee.CompanyCode}'s.");

        var before = EmployeeAudit.Fields(employee);
        employee.Change(input.Name!, input.Email!, input.CostCenter, input.Grade!.Value,
            input.Status == "terminated" ? EmploymentStatus.Terminated : EmploymentStatus.Active,
            input.HireDate!.Value, input.TerminationDate);
        db.AuditEmployee(employee, before, command.Caller.Subject, clock.GetUtcNow());
        await payroll.CollapseAsync(employee, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return employee.ToDto();
    }
}

internal static class EmployeeAudit
{
    public static Dictionary<string, string?> Fields(Employee e) => new()
    {
        ["name"] = e.Name,
        ["email"] = e.Email,
        ["company"] = e.CompanyCode,
        ["costCenter"] = e.CostCenterCode,
        ["grade"] = e.Grade.ToString(CultureInfo.InvariantCulture),
        ["status"] = e.Status == EmploymentStatus.Active ? "active" : "terminated",
        ["hireDate"] = e.HireDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["terminationDate"] = e.TerminationDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["userName"] = e.UserName,
    };

    /// <summary>Records one entry per field that differs from <paramref name="before"/>; returns how many.</summary>
    public static int AuditEmployee(this IStoreDb db, Employee employee, Dictionary<string, string?> before, string by,
        DateTimeOffset at)
    {
        var after = Fields(employee);
        var changed = before.Keys.Where(k => before[k] != after[k]).ToList();
        foreach (var field in changed)
            db.EmployeeAudit.Add(new EmployeeAuditEntry(employee.Id, at, by, field, before[field], after[field]));
        return changed.Count;
    }
}

using FluentValidation;
using InternalStore.Application.Authority;
using InternalStore.Application.Checkout;
using InternalStore.Application.Common;
using InternalStore.Domain.Common;
using InternalStore.Domain.People;
using InternalStore.Domain.Settlement;
using InternalStore.Domain.Subscriptions;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InternalStore.Application.People;

/// <summary>
/// HR moves an employee to a sister company (HR whose companies hold both: the group's, usually). From
/// now the new company's policy prices their quotes and orders; each subscription is re-priced under it
/// from its next period, and one whose plan is not offered to the new company ends with the current period.
/// Audited like every change of the record.
/// </summary>
public sealed record MoveEmployeeCommand(Caller Caller, string Id, string? Company, string? CostCenter) : ICommand<EmployeeDto>, ICallerMessage;

public sealed class MoveEmployeeValidator : AbstractValidator<MoveEmployeeCommand>
{
    public MoveEmployeeValidator()
    {
        RuleFor(x => x.Company).NotEmpty().WithMessage("company is the code of the company the employee moves to.")
            .MaximumLength(20).OverridePropertyName("company");
        RuleFor(x => x.CostCenter).MaximumLength(20).OverridePropertyName("costCenter");
    }
}

public sealed class MoveEmployeeHandler(IStoreDb db, OrganisationAuthority authority, TimeProvider clock, IOptions<PayrollOptions> payroll)
    : ICommandHandler<MoveEmployeeCommand, EmployeeDto>
{
    public async ValueTask<EmployeeDto> Handle(MoveEmployeeCommand command, CancellationToken cancellationToken)
    {
        var scope = await authority.ScopeOfAsync(command.Caller, cancellationToken);
        var employee = await db.Employees.FirstOrDefaultAsync(e => e.Id == command.Id, cancellationToken);
        if (employee is null || !scope.Covers(employee.CompanyCode))
            throw new NotFoundException("Employee", command.Id);
        var company = command.Company!;
        if (!await db.Companies.AnyAsync(c => c.Code == company, cancellationToken))
            throw new DomainValidationException("validation", "company", $"There is no company {company}.");
        if (!scope.Covers(company))
            throw new ForbiddenException($"A move to {company} needs HR of both companies; yours are {string.Join(", ", scope.Companies.Order())}.");
        if (employee.Status != EmploymentStatus.Active)
            throw new ConflictException("invalid-state", $"{employee.Id} has left; a leaver does not move.");
        if (company == employee.CompanyCode)
            throw new ConflictException("invalid-state", $"{employee.Id} works for {company} already.");
        if (command.CostCenter is not null
            && !await db.CostCenters.AnyAsync(c => c.Code == command.CostCenter && c.CompanyCode == company, cancellationToken))
            throw new DomainValidationException("validation", "costCenter", $"Cost centre '{command.CostCenter}' is not one of {company}'s.");

        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var before = EmployeeAudit.Fields(employee);
        employee.MoveTo(company, command.CostCenter);
        db.AuditEmployee(employee, before, command.Caller.Subject, now);

        var calendar = new PayrollCalendar(payroll.Value.PeriodsPerMonth);
        var subscriptions = await db.Subscriptions.Where(s => s.EmployeeId == employee.Id
                && (s.Status == SubscriptionStatus.Pending || s.Status == SubscriptionStatus.Active || s.Status == SubscriptionStatus.Paused))
            .ToListAsync(cancellationToken);
        foreach (var subscription in subscriptions)
        {
            var plan = await db.ServicePlans.FirstAsync(p => p.Id == subscription.PlanId, cancellationToken);
            if (plan.Companies.Count > 0 && !plan.Companies.Contains(company))
                subscription.Cancel(plan, calendar, atPeriodEnd: true, $"moved to {company}, to whose employees {plan.Name} is not offered",
                    command.Caller.Subject, today, now, byHr: true);
            else
                subscription.MoveTo(company, calendar.Containing(today < subscription.StartsOn ? subscription.StartsOn : today, plan.Period).Next, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return employee.ToDto();
    }
}

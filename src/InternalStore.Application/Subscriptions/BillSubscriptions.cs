using FluentValidation;
using InternalStore.Application.Authority;
using InternalStore.Application.Common;
using InternalStore.Domain.Common;
using InternalStore.Domain.Subscriptions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace InternalStore.Application.Subscriptions;

/// <summary>
/// The billing run of a pay date (the worker, <c>internalstore bill-subscriptions</c>, finance in the
/// console or the API): every subscription with days of service or arrears in a period that ends on the
/// pay date gets one charge. Idempotent per subscription and pay date: running it again, or from two
/// processes at once, charges once. One transaction per employee, so a long run holds no lock for long.
/// A pay date up to the next one can be billed (payroll is prepared before it), earlier ones catch up.
/// </summary>
public sealed record BillSubscriptionsCommand(Caller Caller, DateOnly? Period) : ICommand<BillingRunDto>, ICallerMessage, IRunsOwnTransactions;

public sealed record BillingRunDto(DateOnly Period, int Employees, int Charged, int AlreadyBilled, int Suspended, decimal Collected,
    decimal Arrears, string Currency);

public sealed class BillSubscriptionsValidator : AbstractValidator<BillSubscriptionsCommand>
{
    public BillSubscriptionsValidator() =>
        RuleFor(x => x.Period).NotNull().WithMessage("period is the pay date to bill (yyyy-MM-dd).").OverridePropertyName("period");
}

public sealed class BillSubscriptionsHandler(IStoreDb db, OrganisationAuthority authority, SubscriptionBilling billing,
    TransactionRunner transactions, TimeProvider clock, Microsoft.Extensions.Options.IOptions<Pricing.PricingOptions> pricing)
    : ICommandHandler<BillSubscriptionsCommand, BillingRunDto>
{
    public async ValueTask<BillingRunDto> Handle(BillSubscriptionsCommand command, CancellationToken cancellationToken)
    {
        var payDate = command.Period!.Value;
        billing.Calendar.RequirePayDate(payDate, "period");
        var now = clock.GetUtcNow();
        var next = billing.Calendar.PayDateOnOrAfter(DateOnly.FromDateTime(now.UtcDateTime));
        if (payDate > next)
            throw new DomainValidationException("validation", "period",
                $"{payDate:yyyy-MM-dd} is a later pay date than the next one ({next:yyyy-MM-dd}); a period is billed when its payroll is prepared.");
        var companies = (await authority.ScopeOfAsync(command.Caller, cancellationToken)).Companies.ToList();
        var employees = await (from s in db.Subscriptions.AsNoTracking()
                               where s.StartsOn <= payDate && (s.Status != SubscriptionStatus.Suspended || s.Arrears > 0)
                               join e in db.Employees.AsNoTracking() on s.EmployeeId equals e.Id
                               where companies.Contains(e.CompanyCode)
                               select s.EmployeeId).Distinct().OrderBy(id => id).ToListAsync(cancellationToken);
        int charged = 0, skipped = 0, suspended = 0;
        decimal collected = 0, arrears = 0;
        foreach (var employee in employees)
        {
            var result = await transactions.RunAsync(ct => billing.BillEmployeeAsync(employee, payDate, now, ct), cancellationToken);
            db.ChangeTracker.Clear();
            charged += result.Charged;
            skipped += result.AlreadyBilled;
            suspended += result.Suspended;
            collected += result.Collected;
            arrears += result.Carried;
        }

        var currency = pricing.Value.Currency;
        return new BillingRunDto(payDate, employees.Count, charged, skipped, suspended, SubscriptionMapping.Money(collected, currency),
            SubscriptionMapping.Money(arrears, currency), currency);
    }
}

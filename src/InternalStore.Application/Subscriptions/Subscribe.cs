using InternalStore.Application.Authority;
using FluentValidation;
using InternalStore.Application.Common;
using InternalStore.Domain.Common;
using InternalStore.Domain.Subscriptions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace InternalStore.Application.Subscriptions;

/// <summary>
/// An employee enrols in a plan (<c>Idempotency-Key</c>): service starts tomorrow and the first period is
/// charged for the days from then. One running subscription per plan and employee: the employee's
/// allowance row is locked while the check and the insert run, so concurrent enrolments give one.
/// </summary>
public sealed record SubscribeCommand(Caller Caller, string? IdempotencyKey, string? Plan) : ICommand<SubscribeResult>, ICallerMessage;

public sealed record SubscribeResult(SubscriptionDto Subscription, bool Created);

public sealed class SubscribeValidator : AbstractValidator<SubscribeCommand>
{
    public SubscribeValidator()
    {
        RuleFor(x => x.IdempotencyKey).NotEmpty().WithMessage("Send an Idempotency-Key header: a retry with it is safe.")
            .MaximumLength(100).OverridePropertyName("Idempotency-Key");
        RuleFor(x => x.Plan).NotEmpty().WithMessage("plan is the id of the service plan to subscribe to.")
            .MaximumLength(ServicePlan.MaxIdLength).OverridePropertyName("plan");
    }
}

public sealed class SubscribeHandler(IStoreDb db, SubscriptionQuotes quotes, SubscriptionAccess access, TimeProvider clock)
    : ICommandHandler<SubscribeCommand, SubscribeResult>
{
    public async ValueTask<SubscribeResult> Handle(SubscribeCommand command, CancellationToken cancellationToken)
    {
        var caller = command.Caller;
        var employee = await db.Employees.AsNoTracking().FirstOrDefaultAsync(e => e.Id == caller.Subject, cancellationToken)
                       ?? throw new ForbiddenException("Only an employee on the roster may subscribe to a service plan.");
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        // The employee's lock, as for checkouts: one enrolment of theirs at a time, across processes too.
        await db.LockAllowanceLedgerAsync(employee.Id, today.Year, cancellationToken);

        var earlier = await db.Subscriptions.AsNoTracking()
            .FirstOrDefaultAsync(s => s.EmployeeId == employee.Id && s.IdempotencyKey == command.IdempotencyKey, cancellationToken);
        if (earlier is not null)
            return earlier.PlanId == command.Plan
                ? new SubscribeResult(await DtoAsync(earlier, employee.Name, cancellationToken), Created: false)
                : throw new IdempotencyKeyReusedException(command.IdempotencyKey!);

        var plan = await db.ServicePlans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == command.Plan, cancellationToken)
                   ?? throw new DomainValidationException("validation", "plan", $"There is no service plan '{command.Plan}'.");
        await quotes.EnsureOpenAsync(plan, employee, today, cancellationToken);
        if (await quotes.RunningAsync(plan.Id, employee.Id, today, cancellationToken) is { } running)
            throw new ConflictException("already-subscribed",
                $"You subscribe to {plan.Name} already (subscription {running.Id}, {running.Status.WireName()}"
                + (running.EndsOn is { } ends ? $" until {ends:yyyy-MM-dd}" : "") + ").");
        var product = await db.Products.AsNoTracking().FirstAsync(p => p.Sku == plan.Sku, cancellationToken);
        var quote = await quotes.QuoteAsync(plan, product, employee, cancellationToken);

        var subscription = Subscription.Enrol(plan, employee.Id, employee.CompanyCode, quote.PricePerPeriod, command.IdempotencyKey!, now);
        db.Subscriptions.Add(subscription);
        await db.SaveChangesAsync(cancellationToken);
        return new SubscribeResult(subscription.ToDto(plan, employee.Name, []), Created: true);
    }

    private async Task<SubscriptionDto> DtoAsync(Subscription subscription, string name, CancellationToken ct) =>
        await access.DtoAsync(subscription, await db.ServicePlans.AsNoTracking().FirstAsync(p => p.Id == subscription.PlanId, ct), name, ct);
}

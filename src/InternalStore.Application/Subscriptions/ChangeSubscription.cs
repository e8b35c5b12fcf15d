using InternalStore.Application.Authority;
using FluentValidation;
using InternalStore.Application.Common;
using InternalStore.Domain.Common;
using InternalStore.Domain.Subscriptions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace InternalStore.Application.Subscriptions;

/// <summary>
/// The owner cancels (at the period's end by default; at once where the plan allows, with a credit for
/// days already charged); HR ends it for the employee the same way, without the minimum term.
/// </summary>
public sealed record CancelSubscriptionCommand(Caller Caller, Guid Id, bool? AtPeriodEnd, string? Reason)
    : ICommand<SubscriptionDto>, ICallerMessage;

/// <summary>The owner pauses charging from the next period, or resumes it (where the plan allows).</summary>
public sealed record PauseSubscriptionCommand(Caller Caller, Guid Id, bool Pause) : ICommand<SubscriptionDto>, ICallerMessage;

public sealed class CancelSubscriptionValidator : AbstractValidator<CancelSubscriptionCommand>
{
    public CancelSubscriptionValidator() =>
        RuleFor(x => x.Reason).NotEmpty().WithMessage("Say why it is cancelled: the subscriber and HR read it.")
            .MaximumLength(2000).OverridePropertyName("reason");
}

public sealed class CancelSubscriptionHandler(IStoreDb db, SubscriptionAccess access, SubscriptionBilling billing, TimeProvider clock)
    : ICommandHandler<CancelSubscriptionCommand, SubscriptionDto>
{
    public async ValueTask<SubscriptionDto> Handle(CancelSubscriptionCommand command, CancellationToken cancellationToken)
    {
        var (subscription, plan, employee) = await access.LoadAsync(command.Caller, command.Id, cancellationToken);
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var byHr = !SubscriptionAccess.IsOwner(command.Caller, subscription);
        subscription.Cancel(plan, billing.Calendar, command.AtPeriodEnd ?? true, command.Reason!.Trim(), command.Caller.Subject, today,
            now, byHr);
        await billing.CreditAfterEndAsync(subscription, plan, employee, today, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return await access.DtoAsync(subscription, plan, employee.Name, cancellationToken);
    }
}

public sealed class PauseSubscriptionHandler(IStoreDb db, SubscriptionAccess access, SubscriptionQuotes quotes, TimeProvider clock)
    : ICommandHandler<PauseSubscriptionCommand, SubscriptionDto>
{
    public async ValueTask<SubscriptionDto> Handle(PauseSubscriptionCommand command, CancellationToken cancellationToken)
    {
        var (subscription, plan, employee) = await access.LoadAsync(command.Caller, command.Id, cancellationToken);
        if (!SubscriptionAccess.IsOwner(command.Caller, subscription))
            throw new ForbiddenException("Only the subscriber pauses or resumes a subscription; HR may end it.");
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        if (command.Pause)
            subscription.Pause(plan, quotes.Calendar, today, now);
        else
            subscription.Resume(plan, quotes.Calendar, today, now);
        await db.SaveChangesAsync(cancellationToken);
        return await access.DtoAsync(subscription, plan, employee.Name, cancellationToken);
    }
}

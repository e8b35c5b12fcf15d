using FluentValidation;
using InternalStore.Application.Authority;
using InternalStore.Application.Common;
using InternalStore.Application.Orders;
using InternalStore.Domain.Common;
using InternalStore.Domain.Ordering;
using InternalStore.Domain.Settlement;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InternalStore.Application.Checkout;

/// <summary>
/// HR or finance moves one instalment of an employee's payroll order to another pay date (a hardship, a
/// wrong deduction): both dates still to come, the per-period cap holding on the new one. Kept in the
/// order's history and told to the employee.
/// </summary>
public sealed record MoveInstalmentCommand(Caller Caller, Guid OrderId, string? From, string? To, string? Reason)
    : ICommand<PayrollScheduleDto>, ICallerMessage;

public sealed class MoveInstalmentValidator : AbstractValidator<MoveInstalmentCommand>
{
    public MoveInstalmentValidator()
    {
        RuleFor(x => x.From).Must(d => DateOnly.TryParseExact(d, "yyyy-MM-dd", out _)).WithMessage("from is the pay date (YYYY-MM-DD) of the instalment.")
            .OverridePropertyName("from");
        RuleFor(x => x.To).Must(d => DateOnly.TryParseExact(d, "yyyy-MM-dd", out _)).WithMessage("to is the pay date (YYYY-MM-DD) it moves to.")
            .OverridePropertyName("to");
        RuleFor(x => x.Reason).NotEmpty().WithMessage("reason tells the employee why.").MaximumLength(300).OverridePropertyName("reason");
    }
}

public sealed class MoveInstalmentHandler(IStoreDb db, OrderAccess access, TimeProvider clock, IOptions<PayrollOptions> options,
    Subscriptions.SubscriptionBilling billing, Notifications.Notifier notifier) : ICommandHandler<MoveInstalmentCommand, PayrollScheduleDto>
{
    public async ValueTask<PayrollScheduleDto> Handle(MoveInstalmentCommand command, CancellationToken cancellationToken)
    {
        var caller = command.Caller;
        var order = await access.LoadForChangeAsync(caller, command.OrderId, cancellationToken);
        if (!caller.IsInRole(Roles.Hr) && !caller.IsInRole(Roles.Finance))
            throw new ForbiddenException("An instalment is moved by HR or finance.");
        if (order.PaymentMethod != PaymentMethod.Payroll)
            throw new ConflictException("invalid-state", "Only an order paid by payroll deduction has instalments.");
        var from = DateOnly.ParseExact(command.From!, "yyyy-MM-dd");
        var to = DateOnly.ParseExact(command.To!, "yyyy-MM-dd");
        billing.Calendar.RequirePayDate(to, "to");
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        // The employee's ledger row is the lock checkouts and billing take: the cap holds against them.
        await db.LockAllowanceLedgerAsync(order.BuyerId, today.Year, cancellationToken);
        var schedule = await db.PayrollSchedules.Include(s => s.Deductions).FirstAsync(s => s.OrderId == order.Id, cancellationToken);
        var already = await billing.DeductedAsync(order.BuyerId, to, cancellationToken);
        var amount = schedule.Move(from, to, billing.Calendar.NextPayDates(today, 1)[0]);
        if (already + amount > options.Value.MaxPerPeriod)
            throw new ConflictException("payroll-cap",
                $"{to:yyyy-MM-dd} would take {already + amount:0.00} from pay; at most {options.Value.MaxPerPeriod:0.00} is deducted per pay period.");
        var reason = command.Reason!.Trim();
        order.Note(caller.Subject, now, $"instalment of {from:yyyy-MM-dd} ({amount:0.00}) moved to {to:yyyy-MM-dd}: {reason}");
        await notifier.NotifyAsync(order.BuyerId, Domain.Notifications.NotificationKind.DeductionScheduleChanged,
            $"Your instalment of {from:yyyy-MM-dd} moves to {to:yyyy-MM-dd}",
            Notifications.Receipts.Deductions(schedule, $"{Notifications.Receipts.Money(amount, order.Currency)} of order {Notifications.Receipts.ShortId(order.Id)} is deducted on {to:yyyy-MM-dd} instead of {from:yyyy-MM-dd}: {reason}"),
            $"/shop/orders/{order.Id}", cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return schedule.ToDto();
    }
}

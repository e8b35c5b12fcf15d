using InternalStore.Application.Authority;
using FluentValidation;
using InternalStore.Application.Checkout.Methods;
using InternalStore.Application.Common;
using InternalStore.Application.Orders;
using InternalStore.Domain.Common;
using InternalStore.Domain.Ordering;
using InternalStore.Domain.Settlement;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InternalStore.Application.Checkout;

public sealed record RefundLineRequest(string? Sku, int? Quantity);

/// <summary>
/// Gives money back on a settled order — all that is left, or some units of some lines — by the
/// way it was paid: a Stripe refund (through the outbox), cancelled or credited payroll deductions,
/// or a reversing journal entry. Allowance comes back pro rata; stock only when the goods do.
/// </summary>
public sealed record RequestRefundCommand(Caller Caller, Guid OrderId, string? IdempotencyKey,
    IReadOnlyList<RefundLineRequest>? Lines, string? Reason, bool ReturnToStock) : ICommand<RefundResult>, ICallerMessage
{
    public string RequestHash => Common.RequestHash.OfJson(
        new { lines = Lines?.Select(l => new { l.Sku, l.Quantity }), Reason, ReturnToStock });
}

public sealed record RefundResult(RefundDto Refund, bool Created);

public sealed class RequestRefundValidator : AbstractValidator<RequestRefundCommand>
{
    public RequestRefundValidator()
    {
        RuleFor(x => x.IdempotencyKey).NotEmpty().WithMessage("Send an Idempotency-Key header: a retry with it is safe.")
            .MaximumLength(100).OverridePropertyName("Idempotency-Key");
        RuleFor(x => x.Reason).NotEmpty().WithMessage("Say why the money goes back.").MaximumLength(500);
        RuleFor(x => x.Lines).Must(l => l!.Count is > 0 and <= 100).WithMessage("lines has 1 to 100 entries, or is left out for everything.")
            .When(x => x.Lines is not null);
        RuleForEach(x => x.Lines).ChildRules(line =>
        {
            line.RuleFor(l => l.Sku).NotEmpty().MaximumLength(40);
            line.RuleFor(l => l.Quantity).NotNull().GreaterThan(0).WithErrorCode("invalid-quantity");
        });
        RuleFor(x => x.Lines).Must(l => l!.Select(x => x.Sku).Distinct().Count() == l!.Count)
            .WithMessage("Each SKU appears once.").WithErrorCode("duplicate-sku")
            .When(x => x.Lines is { Count: > 0 } && x.Lines.All(l => l is not null));
    }
}

public sealed class RequestRefundHandler(IStoreDb db, OrderAccess access, SettlementMethods methods, TimeProvider clock,
    IOptions<OrderOptions> orderOptions, Benefits.BenefitRecorder benefits, Notifications.Notifier notifier)
    : ICommandHandler<RequestRefundCommand, RefundResult>
{
    public async ValueTask<RefundResult> Handle(RequestRefundCommand command, CancellationToken cancellationToken)
    {
        var caller = command.Caller;
        var order = await access.LoadForChangeAsync(caller, command.OrderId, cancellationToken);
        var earlier = await db.Refunds.AsNoTracking()
            .FirstOrDefaultAsync(r => r.OrderId == order.Id && r.IdempotencyKey == command.IdempotencyKey, cancellationToken);
        if (earlier is not null)
            return earlier.RequestHash == command.RequestHash
                ? new RefundResult(earlier.ToDto(), Created: false)
                : throw new IdempotencyKeyReusedException(command.IdempotencyKey!);

        var now = clock.GetUtcNow();
        order.EnsureRefundAllowed(caller.Subject, caller.IsInRole(Roles.Finance), command.ReturnToStock, now,
            orderOptions.Value.RefundWindowDays);
        var (lines, allowance) = TakeBack(order, command.Lines);
        var amount = lines.Sum(l => l.Amount);
        order.RecordRefund(amount, caller.Subject, now, $"refund: {command.Reason}");
        var method = methods.Of(order)!;
        var refund = new Refund(order.Id, method.Method, method.RefundsThroughProvider, command.IdempotencyKey!, command.RequestHash,
            caller.Subject, command.Reason!, command.ReturnToStock, order.Currency, lines, allowance, now);
        db.Refunds.Add(refund);
        await benefits.RecordRefundAsync(order, lines, now, cancellationToken);

        if (allowance > 0)
            (await db.LockAllowanceLedgerAsync(order.BuyerId, order.AllowanceYear, cancellationToken)).Restore(allowance);
        if (command.ReturnToStock)
        {
            var products = await db.LockProductsAsync(lines.Select(l => l.Sku).ToList(), cancellationToken);
            foreach (var line in lines)
                products.Single(p => p.Sku == line.Sku).Release(line.Quantity, now);
        }

        var cost = lines.Sum(l => order.Lines.First(o => o.Sku == l.Sku).UnitCost * l.Quantity);
        await method.SettleRefundAsync(order, refund, cost, now, cancellationToken);
        var schedule = db.PayrollSchedules.Local.FirstOrDefault(s => s.OrderId == order.Id);
        var body = $"{Notifications.Receipts.Money(amount, order.Currency)} of order {Notifications.Receipts.ShortId(order.Id)} goes back to you: {command.Reason}";
        await notifier.NotifyAsync(order.BuyerId, Domain.Notifications.NotificationKind.Refund,
            $"Refund of {Notifications.Receipts.Money(amount, order.Currency)} on order {Notifications.Receipts.ShortId(order.Id)}",
            schedule is null ? body : Notifications.Receipts.Deductions(schedule, body + "\nYour deductions now stand at:"),
            $"/shop/orders/{order.Id}", cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new RefundResult(refund.ToDto(), Created: true);
    }

    private static (List<RefundLine> Lines, decimal Allowance) TakeBack(Order order, IReadOnlyList<RefundLineRequest>? asked)
    {
        if (!order.IsSettled || order.Status == OrderStatus.Refunded)
            throw new ConflictException("invalid-state", order.Status == OrderStatus.Refunded
                ? "The order is already refunded in full."
                : "Only a paid order can be refunded; an unpaid one is cancelled.");
        var wanted = asked?.Select((l, i) => (Line: order.Lines.FirstOrDefault(o => o.Sku == l.Sku)
                ?? throw new DomainValidationException("unknown-sku", $"lines[{i}].sku", $"{l.Sku} is not on this order."),
                Quantity: l.Quantity!.Value)).ToList()
            ?? order.Lines.Where(l => l.RefundableQuantity > 0).Select(l => (Line: l, Quantity: l.RefundableQuantity)).ToList();
        var lines = new List<RefundLine>();
        var allowance = 0m;
        foreach (var (line, quantity) in wanted)
        {
            var (amount, lineAllowance) = line.TakeBack(quantity, order.Currency);
            lines.Add(new RefundLine(line.Sku, quantity, amount));
            allowance += lineAllowance;
        }

        return (lines, allowance);
    }
}

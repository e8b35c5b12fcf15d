using FluentValidation;
using InternalStore.Application.Authority;
using InternalStore.Application.Checkout;
using InternalStore.Application.Common;
using InternalStore.Application.InternalServices;
using InternalStore.Application.Orders;
using InternalStore.Application.Notifications;
using InternalStore.Domain.Common;
using InternalStore.Domain.InternalServices;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace InternalStore.Application.Support;

/// <summary>
/// An action taken from a case on something the case links: the store's own command (refund, cancel, move an
/// instalment, credit a statement line, uphold a disputed one) with its own rules, authority and audit, its
/// reason naming the case; the case keeps an internal note naming what was done. All in one transaction.
/// </summary>
public sealed record CaseActionCommand(Caller Caller, Guid Id, string? IdempotencyKey, string? Action, Guid? Order, string? From, string? To,
    Guid? Line, decimal? Amount, string? Reason, IReadOnlyList<RefundLineRequest>? Lines) : ICommand<CaseActionResult>, ICallerMessage;

/// <param name="Reference">What the command made or changed: a refund id, an order id, a dispute id.</param>
public sealed record CaseActionResult(string Action, string Reference, CaseDto Case);

public static class CaseActions
{
    public const string Refund = "refund";
    public const string Cancel = "cancel";
    public const string MoveInstalment = "move-instalment";
    public const string CreditStatementLine = "credit-statement-line";
    public const string UpholdDispute = "uphold-dispute";
    public static readonly string[] All = [Refund, Cancel, MoveInstalment, CreditStatementLine, UpholdDispute];

    /// <summary>The actions worth offering this caller on this context; the commands decide the rest.</summary>
    public static IReadOnlyList<string> Available(Caller caller, IReadOnlyList<CaseOrderContextDto> orders, IReadOnlyList<StatementLineContextDto> lines)
    {
        var finance = caller.IsInRole(Roles.Finance);
        var actions = new List<string>();
        if (finance && orders.Any(o => o.Details.Refundable > 0))
            actions.Add(Refund);
        if (finance && orders.Any(o => o.Details.CanCancel))
            actions.Add(Cancel);
        if ((finance || caller.IsInRole(Roles.Hr)) && orders.Any(o => o.Details.LeftToDeduct > 0))
            actions.Add(MoveInstalment);
        if (finance && lines.Any(l => l.Dispute is null || l.Dispute.Status == "open"))
            actions.Add(CreditStatementLine);
        if (finance && lines.Any(l => l.Dispute?.Status == "open"))
            actions.Add(UpholdDispute);
        return actions;
    }
}

public sealed class CaseActionValidator : AbstractValidator<CaseActionCommand>
{
    public CaseActionValidator()
    {
        RuleFor(x => x.Action).Must(a => CaseActions.All.Contains(a)).WithMessage($"action is one of {string.Join(", ", CaseActions.All)}.")
            .OverridePropertyName("action");
        RuleFor(x => x.Reason).NotEmpty().WithMessage("reason says why; it is kept with the action and the case.").MaximumLength(300)
            .OverridePropertyName("reason");
        RuleFor(x => x.Order).NotNull().WithMessage("order is the linked order the action is on.").OverridePropertyName("order")
            .When(x => x.Action is CaseActions.Refund or CaseActions.Cancel or CaseActions.MoveInstalment);
        RuleFor(x => x.IdempotencyKey).NotEmpty().WithMessage("Send an Idempotency-Key header: a retried refund is then made once.")
            .MaximumLength(100).OverridePropertyName("Idempotency-Key").When(x => x.Action == CaseActions.Refund);
        RuleFor(x => x.Line).NotNull().WithMessage("line is the linked statement line.").OverridePropertyName("line")
            .When(x => x.Action is CaseActions.CreditStatementLine or CaseActions.UpholdDispute);
        RuleFor(x => x.Amount).NotNull().GreaterThanOrEqualTo(0).WithMessage("amount is what the line should come to (0 credits it in full).")
            .OverridePropertyName("amount").When(x => x.Action == CaseActions.CreditStatementLine);
    }
}

public sealed class CaseActionHandler(IStoreDb db, SupportAccess access, ISender sender, TimeProvider clock)
    : ICommandHandler<CaseActionCommand, CaseActionResult>
{
    public async ValueTask<CaseActionResult> Handle(CaseActionCommand command, CancellationToken cancellationToken)
    {
        var caller = command.Caller;
        var (@case, staff) = await access.CaseAsync(caller, command.Id, cancellationToken);
        if (!staff)
            throw new ForbiddenException($"Actions on a case are taken by its team ({SupportAccess.RoleOf(@case.Team)} of {@case.Company}).");
        var because = $"case {Receipts.ShortId(@case.Id)}: {command.Reason!.Trim()}";
        if (command.Order is { } orderId && !(await CaseTargets.OrderIdsAsync(db, @case, cancellationToken)).Contains(orderId))
            throw new NotFoundException("Order linked to this case", orderId.ToString());
        if (command.Line is { } lineId && !CaseTargets.StatementLineIds(@case).Contains(lineId))
            throw new NotFoundException("Statement line linked to this case", lineId.ToString());

        var (reference, note, fresh) = command.Action switch
        {
            CaseActions.Refund => await RefundAsync(command, because, cancellationToken),
            CaseActions.Cancel => await CancelAsync(command, cancellationToken),
            CaseActions.MoveInstalment => await MoveAsync(command, because, cancellationToken),
            CaseActions.CreditStatementLine => await CreditAsync(command, @case, because, cancellationToken),
            _ => await UpholdAsync(command, because, cancellationToken),
        };

        // The commands above ran in this transaction on the same context (nested, so none of them cleared it): the case
        // loaded first is still tracked and takes the note.
        var tracked = @case;
        var calendar = await access.CalendarAsync(tracked.Company, cancellationToken);
        var now = clock.Stored();
        if (!fresh)
            return new CaseActionResult(command.Action!, reference, tracked.ToDto(calendar, now, staff: true)); // a replayed refund: noted already
        tracked.ReplyAsStaff(caller.Subject, $"Action {command.Action}: {note} ({reference}). Reason: {command.Reason!.Trim()}", isInternal: true,
            now, calendar);
        await db.SaveChangesAsync(cancellationToken);
        return new CaseActionResult(command.Action!, reference, tracked.ToDto(calendar, now, staff: true));
    }

    private async Task<(string, string, bool)> RefundAsync(CaseActionCommand command, string because, CancellationToken ct)
    {
        var result = await sender.Send(new RequestRefundCommand(command.Caller, command.Order!.Value, command.IdempotencyKey, command.Lines,
            because, ReturnToStock: false), ct);
        return (result.Refund.Id.ToString(), $"refunded {result.Refund.Amount:0.00} {result.Refund.Currency} of order {Receipts.ShortId(command.Order.Value)}",
            result.Created);
    }

    private async Task<(string, string, bool)> CancelAsync(CaseActionCommand command, CancellationToken ct)
    {
        var order = await sender.Send(new CancelOrderCommand(command.Caller, command.Order!.Value), ct);
        return (order.Id.ToString(), $"cancelled order {Receipts.ShortId(order.Id)}", true);
    }

    private async Task<(string, string, bool)> MoveAsync(CaseActionCommand command, string because, CancellationToken ct)
    {
        var schedule = await sender.Send(new MoveInstalmentCommand(command.Caller, command.Order!.Value, command.From, command.To, because), ct);
        return (schedule.Id.ToString(), $"moved the instalment of {command.From} to {command.To} on order {Receipts.ShortId(command.Order.Value)}", true);
    }

    /// <summary>
    /// The line's open dispute is resolved as adjusted; when the department has not disputed it on its
    /// statement, the case is its dispute, raised in its name first.
    /// </summary>
    private async Task<(string, string, bool)> CreditAsync(CaseActionCommand command, Domain.Support.SupportCase @case, string because, CancellationToken ct)
    {
        var lineId = command.Line!.Value;
        var open = await OpenDisputeAsync(lineId, ct);
        if (open is null)
        {
            var centre = await db.UsageEntries.AsNoTracking().Where(e => e.Id == lineId).Select(e => e.ConsumerCostCenter).FirstOrDefaultAsync(ct)
                         ?? await db.JournalEntries.AsNoTracking().Where(e => e.Id == lineId).Select(e => e.CostCenter).FirstOrDefaultAsync(ct);
            var requester = new Caller(@case.RequesterId, new HashSet<string> { Roles.DepartmentBuyer }, @case.Company, centre);
            open = (await sender.Send(new DisputeStatementLineCommand(requester, lineId, $"{@case.Subject} ({because})"), ct)).Dispute.Id;
        }

        var dispute = await sender.Send(new ResolveDisputeCommand(command.Caller, open.Value, "adjusted", command.Amount, because), ct);
        return (dispute.Id.ToString(), $"credited the statement line to {command.Amount:0.00} {dispute.Currency}", true);
    }

    private async Task<(string, string, bool)> UpholdAsync(CaseActionCommand command, string because, CancellationToken ct)
    {
        var open = await OpenDisputeAsync(command.Line!.Value, ct)
                   ?? throw new ConflictException("invalid-state", "The line has no open dispute to answer.");
        var dispute = await sender.Send(new ResolveDisputeCommand(command.Caller, open, "upheld", null, because), ct);
        return (dispute.Id.ToString(), "the statement line stands (dispute upheld)", true);
    }

    private Task<Guid?> OpenDisputeAsync(Guid lineId, CancellationToken ct) =>
        db.StatementDisputes.AsNoTracking().Where(d => d.LineId == lineId && d.Status == DisputeStatus.Open).Select(d => (Guid?)d.Id)
            .FirstOrDefaultAsync(ct);
}

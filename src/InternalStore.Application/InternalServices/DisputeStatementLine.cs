using FluentValidation;
using InternalStore.Application.Common;
using InternalStore.Domain.Common;
using InternalStore.Domain.InternalServices;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace InternalStore.Application.InternalServices;

/// <summary>
/// The consuming centre's department buyer disputes a line of a closed month's statement: a service used
/// or goods charged back. One dispute per line; the same reason again by the same person replays it.
/// </summary>
public sealed record DisputeStatementLineCommand(Caller Caller, Guid LineId, string? Reason) : ICommand<DisputeResult>, Authority.ICallerMessage;

public sealed record DisputeResult(DisputeDto Dispute, bool Created);

public sealed class DisputeStatementLineValidator : AbstractValidator<DisputeStatementLineCommand>
{
    public DisputeStatementLineValidator() =>
        RuleFor(x => x.Reason).NotEmpty().WithMessage("reason says what is wrong with the line.")
            .MaximumLength(StatementDispute.MaxReasonLength).OverridePropertyName("reason");
}

public sealed class DisputeStatementLineHandler(IStoreDb db, TimeProvider clock) : ICommandHandler<DisputeStatementLineCommand, DisputeResult>
{
    public async ValueTask<DisputeResult> Handle(DisputeStatementLineCommand command, CancellationToken cancellationToken)
    {
        var caller = command.Caller;
        if (!caller.IsInRole(Roles.DepartmentBuyer) || caller.CostCenter is null)
            throw new ForbiddenException("A statement line is disputed by the department buyer of its cost centre.");
        var line = await LineAsync(caller.CostCenter, command.LineId, cancellationToken)
                   ?? throw new NotFoundException("Statement line", command.LineId.ToString());
        var reason = command.Reason!.Trim();
        var existing = await db.StatementDisputes.AsNoTracking().FirstOrDefaultAsync(d => d.LineId == line.Id, cancellationToken);
        if (existing is not null)
            return existing.RaisedBy == caller.Subject && existing.Reason == reason
                ? new DisputeResult(existing.ToDto(), Created: false)
                : throw new ConflictException("invalid-state", $"This line is already disputed ({existing.Status.WireName()}).");

        var month = line.Month.ToString();
        if (!await db.AccountingPeriods.AnyAsync(p => p.Company == line.SupplierCompany && p.Month == month && p.ClosedAt != null, cancellationToken))
            throw new ConflictException("invalid-state",
                $"{month} is not closed yet; until it is, the supplier corrects its own entries. Dispute the line on the closed statement.");
        if (await db.StatementAcceptances.AnyAsync(a => a.CostCenter == caller.CostCenter && a.Month == month, cancellationToken))
            throw new ConflictException("invalid-state", $"The statement of {month} is accepted; its lines are no longer disputed.");
        if (line.Amount <= 0 || line.Reversed)
            throw new ConflictException("invalid-state", "Only a charge that stands is disputed; this line is a credit or already taken back.");

        var dispute = StatementDispute.Raise(line.Kind, line.Id, caller.CostCenter, line.ConsumerCompany, line.SupplierCostCenter,
            line.SupplierCompany, line.Month, line.Amount, line.Currency, reason, caller.Subject, clock.Stored());
        db.StatementDisputes.Add(dispute);
        await db.SaveChangesAsync(cancellationToken);
        return new DisputeResult(dispute.ToDto(), Created: true);
    }

    private async Task<DisputedLine?> LineAsync(string costCenter, Guid id, CancellationToken ct)
    {
        var usage = await db.UsageEntries.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id && e.ConsumerCostCenter == costCenter, ct);
        if (usage is not null)
            return new DisputedLine(StatementLineKind.Service, id, usage.Month, usage.Kind == UsageKind.Usage ? usage.Amount ?? 0m : 0m,
                usage.Currency, usage.ConsumerCompany, usage.SupplierCostCenter, usage.SupplierCompany, usage.ReversedById is not null);
        var goods = await db.JournalEntries.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id && e.CostCenter == costCenter
            && CostCentreStatements.GoodsKinds.Contains(e.Kind), ct);
        if (goods is null)
            return null;
        return new DisputedLine(StatementLineKind.Goods, id, AccountingMonth.Of(DateOnly.FromDateTime(goods.PostedAt.UtcDateTime)),
            goods.Kind == Domain.Settlement.JournalKind.Chargeback ? goods.Amount : 0m, goods.Currency, goods.BuyerCompany, null,
            goods.SellerCompany, false);
    }

    private sealed record DisputedLine(StatementLineKind Kind, Guid Id, AccountingMonth Month, decimal Amount, string Currency,
        string ConsumerCompany, string? SupplierCostCenter, string SupplierCompany, bool Reversed);
}

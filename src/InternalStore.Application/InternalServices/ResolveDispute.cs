using FluentValidation;
using InternalStore.Application.Common;
using InternalStore.Domain.Common;
using InternalStore.Domain.InternalServices;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InternalStore.Application.InternalServices;

/// <summary>
/// The supplier answers a dispute: <c>upheld</c> (the line stands) or <c>adjusted</c> to <c>amount</c>, what
/// the line should have come to. The difference is a correcting entry dated the first day of the
/// supplier's next open month (a usage adjustment for a service, a chargeback adjustment for goods).
/// </summary>
public sealed record ResolveDisputeCommand(Caller Caller, Guid Id, string? Outcome, decimal? Amount, string? Reason)
    : ICommand<DisputeDto>, Authority.ICallerMessage;

public sealed class ResolveDisputeValidator : AbstractValidator<ResolveDisputeCommand>
{
    public ResolveDisputeValidator()
    {
        RuleFor(x => x.Outcome).Must(o => o is "upheld" or "adjusted").WithMessage("outcome is upheld or adjusted.").OverridePropertyName("outcome");
        RuleFor(x => x.Amount).NotNull().WithMessage("amount is what the line should have come to.").When(x => x.Outcome == "adjusted")
            .OverridePropertyName("amount");
        RuleFor(x => x.Amount).Null().WithMessage("An upheld line keeps its amount; send no amount.").When(x => x.Outcome == "upheld")
            .OverridePropertyName("amount");
        RuleFor(x => x.Reason).NotEmpty().WithMessage("reason tells the department why.").MaximumLength(StatementDispute.MaxReasonLength)
            .OverridePropertyName("reason");
    }
}

public sealed class ResolveDisputeHandler(IStoreDb db, InternalServiceAccess access, TimeProvider clock,
    IOptions<Pricing.PricingOptions> options) : ICommandHandler<ResolveDisputeCommand, DisputeDto>
{
    public async ValueTask<DisputeDto> Handle(ResolveDisputeCommand command, CancellationToken cancellationToken)
    {
        var dispute = await db.StatementDisputes.FirstOrDefaultAsync(d => d.Id == command.Id, cancellationToken);
        if (dispute is null || !await access.MaySeeDisputeAsync(command.Caller, dispute, cancellationToken))
            throw new NotFoundException("Dispute", command.Id.ToString());
        if (!await access.MayResolveAsync(command.Caller, dispute, cancellationToken))
            throw new ForbiddenException(dispute.SupplierCostCenter is { } centre
                ? $"The dispute is answered by the service provider of {centre} or finance of {dispute.SupplierCompany}."
                : $"The dispute is answered by finance of {dispute.SupplierCompany}.");
        var now = clock.Stored();
        var reason = command.Reason!.Trim();
        if (command.Outcome == "upheld")
        {
            dispute.Uphold(reason, command.Caller.Subject, now);
            await db.SaveChangesAsync(cancellationToken);
            return dispute.ToDto();
        }

        var amount = command.Amount!.Value;
        if (!InternalStore.Pricing.Currencies.IsWholeMinorUnits(amount, options.Value.Currency))
            throw new DomainValidationException("validation", "amount", $"amount is in whole minor units of {options.Value.Currency}.");
        dispute.EnsureAdjustable(amount);
        var disputed = AccountingMonth.Parse(dispute.Month);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var month = await OpenMonths.NextOpenAsync(db, dispute.SupplierCompany, disputed, today, cancellationToken);
        (await db.LockAccountingPeriodAsync(dispute.SupplierCompany, month, cancellationToken)).Touch();
        var delta = amount - dispute.Amount;
        var memo = $"Dispute {dispute.Id}: {reason}";
        Guid adjustment;
        if (dispute.LineKind == StatementLineKind.Service)
        {
            var line = await db.UsageEntries.FirstAsync(e => e.Id == dispute.LineId, cancellationToken);
            var entry = line.Adjust(delta, month.First, dispute.Id, memo, command.Caller.Subject, now);
            db.UsageEntries.Add(entry);
            adjustment = entry.Id;
        }
        else
        {
            var line = await db.JournalEntries.FirstAsync(e => e.Id == dispute.LineId, cancellationToken);
            // Goods are posted as they happen: in the current month now, or on the first day of an earlier open month.
            var postedAt = month == AccountingMonth.Of(today) ? now : new DateTimeOffset(month.First.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
            var entry = line.Adjustment(delta, postedAt, memo);
            db.JournalEntries.Add(entry);
            adjustment = entry.Id;
        }

        dispute.Adjust(amount, adjustment, month, reason, command.Caller.Subject, now);
        await db.SaveChangesAsync(cancellationToken);
        return dispute.ToDto();
    }
}

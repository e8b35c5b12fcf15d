using FluentValidation;
using InternalStore.Application.Common;
using InternalStore.Domain.Common;
using InternalStore.Domain.InternalServices;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace InternalStore.Application.InternalServices;

/// <summary>
/// The supplier takes back a usage entry by a reversing entry: on the entry's own date while its month is
/// open (the two net out in that month), otherwise on the first day of the next open month at the
/// original's price. An entry is reversed once (409 <c>invalid-state</c>).
/// </summary>
public sealed record ReverseUsageCommand(Caller Caller, Guid Id, string? Reason) : ICommand<UsageEntryDto>, Authority.ICallerMessage;

public sealed class ReverseUsageValidator : AbstractValidator<ReverseUsageCommand>
{
    public ReverseUsageValidator() =>
        RuleFor(x => x.Reason).NotEmpty().WithMessage("reason says why the entry is taken back.").MaximumLength(1000).OverridePropertyName("reason");
}

public sealed class ReverseUsageHandler(IStoreDb db, InternalServiceAccess access, UsagePricing pricing, TimeProvider clock)
    : ICommandHandler<ReverseUsageCommand, UsageEntryDto>
{
    public async ValueTask<UsageEntryDto> Handle(ReverseUsageCommand command, CancellationToken cancellationToken)
    {
        var entry = await db.UsageEntries.FirstOrDefaultAsync(e => e.Id == command.Id, cancellationToken);
        if (entry is null || !await access.MaySeeUsageAsync(command.Caller, entry, cancellationToken))
            throw new NotFoundException("Usage entry", command.Id.ToString());
        if (!InternalServiceAccess.Provides(command.Caller, entry.SupplierCostCenter))
            throw new ForbiddenException($"Only the service provider of {entry.SupplierCostCenter} reverses its entries.");
        var now = clock.Stored();
        var own = await db.LockAccountingPeriodAsync(entry.SupplierCompany, entry.Month, cancellationToken);
        var date = entry.Date;
        if (own.IsClosed)
        {
            var month = await OpenMonths.NextOpenAsync(db, entry.SupplierCompany, entry.Month, DateOnly.FromDateTime(now.UtcDateTime), cancellationToken);
            (await db.LockAccountingPeriodAsync(entry.SupplierCompany, month, cancellationToken)).Touch();
            date = month.First;
        }
        else
        {
            own.Touch();
        }

        var reversal = entry.Reverse(date, command.Reason!.Trim(), command.Caller.Subject, now);
        db.UsageEntries.Add(reversal);
        await db.SaveChangesAsync(cancellationToken);
        var (_, rate, amount, _) = (await pricing.PreviewAsync([reversal], cancellationToken))[0];
        return reversal.ToDto((rate ?? 0m, amount));
    }
}

/// <summary>Where corrections of a closed month land: the first month after it that the company has not closed.</summary>
public static class OpenMonths
{
    public static async Task<AccountingMonth> NextOpenAsync(IStoreDb db, string company, AccountingMonth after, DateOnly today,
        CancellationToken ct)
    {
        // Twelve rows a year per company: read them all.
        var closed = await db.AccountingPeriods.AsNoTracking().Where(p => p.Company == company && p.ClosedAt != null)
            .Select(p => p.Month).ToListAsync(ct);
        var month = after.Next;
        // The current month cannot be closed, so the search ends by today's month at the latest.
        while (closed.Contains(month.ToString()) && month < AccountingMonth.Of(today))
            month = month.Next;
        return month;
    }
}

using FluentValidation;
using InternalStore.Application.Common;
using InternalStore.Domain.Common;
using InternalStore.Domain.InternalServices;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace InternalStore.Application.InternalServices;

/// <summary>
/// The supplier records what a consuming centre used. Dated today or earlier, in a month its company has
/// not closed (409 <c>period-closed</c>), with a rate in force on that day (409 <c>no-rate</c>). The same
/// Idempotency-Key with the same entry replays it; with another entry it is 422.
/// </summary>
public sealed record RecordUsageCommand(Caller Caller, string? IdempotencyKey, string? Service, string? Consumer, decimal? Quantity,
    DateOnly? Date, string? Reference, string? Note) : ICommand<UsageResult>, Authority.ICallerMessage
{
    public string RequestHash => Common.RequestHash.OfJson(new { Service, Consumer, Quantity, Date, Reference, Note });
}

public sealed class RecordUsageValidator : AbstractValidator<RecordUsageCommand>
{
    public RecordUsageValidator()
    {
        RuleFor(x => x.IdempotencyKey).NotEmpty().WithMessage("Send an Idempotency-Key header: a retry with it is safe.")
            .MaximumLength(100).OverridePropertyName("Idempotency-Key");
        RuleFor(x => x.Service).NotEmpty().MaximumLength(InternalService.MaxIdLength).OverridePropertyName("service");
        RuleFor(x => x.Consumer).NotEmpty().WithMessage("consumer is the consuming cost centre, e.g. CC-5100.").MaximumLength(20)
            .OverridePropertyName("consumer");
        RuleFor(x => x.Quantity).NotNull().GreaterThan(0).LessThanOrEqualTo(UsageEntry.MaxQuantity)
            .Must(q => q is null || decimal.Round(q.Value, 3) == q.Value).WithMessage("quantity has at most 3 decimals (1.5 hours).")
            .OverridePropertyName("quantity");
        RuleFor(x => x.Date).NotNull().WithMessage("date is the day of the service, YYYY-MM-DD.")
            .Must(d => d is null || d.Value.Year >= 2000).WithMessage("date is a day from 2000 on.").OverridePropertyName("date");
        RuleFor(x => x.Reference).MaximumLength(100).OverridePropertyName("reference");
        RuleFor(x => x.Note).MaximumLength(1000).OverridePropertyName("note");
    }
}

public sealed class RecordUsageHandler(IStoreDb db, InternalServiceAccess access, UsagePricing pricing, TimeProvider clock)
    : ICommandHandler<RecordUsageCommand, UsageResult>
{
    public async ValueTask<UsageResult> Handle(RecordUsageCommand command, CancellationToken cancellationToken)
    {
        var caller = command.Caller;
        var earlier = await db.UsageEntries.AsNoTracking()
            .FirstOrDefaultAsync(e => e.EnteredBy == caller.Subject && e.IdempotencyKey == command.IdempotencyKey, cancellationToken);
        if (earlier is not null)
            return earlier.RequestHash == command.RequestHash
                ? new UsageResult(await DtoAsync(earlier, cancellationToken), Created: false)
                : throw new IdempotencyKeyReusedException(command.IdempotencyKey!);

        var service = await db.InternalServices.AsNoTracking().Include(s => s.Rates).FirstOrDefaultAsync(s => s.Id == command.Service, cancellationToken);
        if (service is null || !await access.MayReadAsync(caller, service, cancellationToken))
            throw new DomainValidationException("unknown-service", "service", $"There is no internal service '{command.Service}'.");
        if (!InternalServiceAccess.Provides(caller, service.SupplierCostCenter))
            throw new ForbiddenException($"{service.Id} is supplied by {service.SupplierCostCenter}; only its service provider records its usage.");
        if (!service.Active)
            throw new ConflictException("invalid-state", $"{service.Id} is no longer offered; its provider can make it active again.");
        var now = clock.Stored();
        var date = command.Date!.Value;
        if (date > DateOnly.FromDateTime(now.UtcDateTime))
            throw new DomainValidationException("validation", "date", "date is today or earlier: usage is recorded once it happened.");
        var consumerCompany = await access.ConsumerCompanyAsync(command.Consumer, service.SupplierCostCenter, service.Company, "consumer",
            cancellationToken);
        service.RequireRateFor(command.Consumer!, date);

        var period = await db.LockAccountingPeriodAsync(service.Company, AccountingMonth.Of(date), cancellationToken);
        period.EnsureOpen();
        period.Touch();
        var entry = UsageEntry.Record(service, command.Consumer!, consumerCompany, command.Quantity!.Value, date,
            Clean(command.Reference), Clean(command.Note), caller.Subject, command.IdempotencyKey, command.RequestHash, now);
        db.UsageEntries.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
        return new UsageResult(await DtoAsync(entry, cancellationToken), Created: true);
    }

    private async Task<UsageEntryDto> DtoAsync(UsageEntry entry, CancellationToken ct)
    {
        var (_, rate, amount, _) = (await pricing.PreviewAsync([entry], ct))[0];
        return entry.ToDto((rate ?? 0m, amount));
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

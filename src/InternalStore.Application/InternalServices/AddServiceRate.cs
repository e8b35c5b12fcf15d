using FluentValidation;
using InternalStore.Application.Common;
using Mediator;

namespace InternalStore.Application.InternalServices;

/// <summary>
/// The provider adds a rate from a day: for every consumer, or for one consuming cost centre. The same
/// rate again replays; another rate for the same day and consumer is 409 <c>rate-exists</c>; a day in a
/// closed month is 409 <c>period-closed</c>.
/// </summary>
public sealed record AddServiceRateCommand(Caller Caller, string Id, decimal? UnitRate, DateOnly? From, string? Consumer)
    : ICommand<SaveInternalServiceResult>, Authority.ICallerMessage;

public sealed class AddServiceRateValidator : AbstractValidator<AddServiceRateCommand>
{
    public AddServiceRateValidator()
    {
        this.RateRules(x => x.UnitRate, x => x.From);
        RuleFor(x => x.Consumer).MaximumLength(20).OverridePropertyName("consumer");
    }
}

public sealed class AddServiceRateHandler(IStoreDb db, InternalServiceAccess access, TimeProvider clock)
    : ICommandHandler<AddServiceRateCommand, SaveInternalServiceResult>
{
    public async ValueTask<SaveInternalServiceResult> Handle(AddServiceRateCommand command, CancellationToken cancellationToken)
    {
        var service = await access.ToManageAsync(command.Caller, command.Id, cancellationToken);
        var consumer = string.IsNullOrWhiteSpace(command.Consumer) ? null : command.Consumer.Trim();
        if (consumer is not null)
            await access.ConsumerCompanyAsync(consumer, service.SupplierCostCenter, service.Company, "consumer", cancellationToken);
        await db.EnsureOpenAsync(service.Company, command.From!.Value, cancellationToken);
        var now = clock.Stored();
        var added = service.AddRate(command.UnitRate!.Value, command.From.Value, consumer, command.Caller.Subject, now);
        if (added)
            await db.SaveChangesAsync(cancellationToken);
        return new SaveInternalServiceResult(service.ToDto(DateOnly.FromDateTime(now.UtcDateTime)), added);
    }
}

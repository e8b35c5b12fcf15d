using FluentValidation;
using InternalStore.Application.Authority;
using InternalStore.Application.Common;
using Mediator;

namespace InternalStore.Application.Negotiation;

/// <summary>The buyer withdraws a request that is not yet decided.</summary>
public sealed record WithdrawQuoteRequestCommand(Caller Caller, Guid RequestId, string? Reason) : ICommand<QuoteRequestDto>, ICallerMessage;

public sealed class WithdrawQuoteRequestValidator : AbstractValidator<WithdrawQuoteRequestCommand>
{
    public WithdrawQuoteRequestValidator() => RuleFor(x => x.Reason).MaximumLength(2000).OverridePropertyName("reason");
}

public sealed class WithdrawQuoteRequestHandler(IStoreDb db, QuoteRequestAccess access, NegotiationBasis basis, TimeProvider clock)
    : ICommandHandler<WithdrawQuoteRequestCommand, QuoteRequestDto>
{
    public async ValueTask<QuoteRequestDto> Handle(WithdrawQuoteRequestCommand command, CancellationToken cancellationToken)
    {
        var (request, _) = await access.LoadAsync(command.Caller, command.RequestId, track: true, cancellationToken);
        request.Withdraw(command.Caller.Subject, command.Reason, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return request.ToDto(basis.Currency, forBuyer: true);
    }
}

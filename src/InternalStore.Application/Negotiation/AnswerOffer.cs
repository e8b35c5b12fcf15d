using FluentValidation;
using InternalStore.Application.Authority;
using InternalStore.Application.Common;
using Mediator;

namespace InternalStore.Application.Negotiation;

/// <summary>The buyer's answer to an offer other than accepting it.</summary>
public enum OfferAnswer
{
    Decline,
    Renegotiate,
}

/// <summary>The buyer declines the current offer, or asks for a better one (finance then answers with the next version); a reason is required.</summary>
public sealed record AnswerOfferCommand(Caller Caller, Guid RequestId, int Version, OfferAnswer Answer, string? Reason)
    : ICommand<QuoteRequestDto>, ICallerMessage;

public sealed class AnswerOfferValidator : AbstractValidator<AnswerOfferCommand>
{
    public AnswerOfferValidator() =>
        RuleFor(x => x.Reason).NotEmpty().WithMessage("Say why, so that finance can answer.").MaximumLength(2000).OverridePropertyName("reason");
}

public sealed class AnswerOfferHandler(IStoreDb db, QuoteRequestAccess access, NegotiationBasis basis, TimeProvider clock)
    : ICommandHandler<AnswerOfferCommand, QuoteRequestDto>
{
    public async ValueTask<QuoteRequestDto> Handle(AnswerOfferCommand command, CancellationToken cancellationToken)
    {
        var (request, _) = await access.LoadAsync(command.Caller, command.RequestId, track: true, cancellationToken);
        var now = clock.GetUtcNow();
        if (command.Answer == OfferAnswer.Decline)
            request.Decline(command.Version, command.Caller.Subject, command.Reason!, now);
        else
            request.Renegotiate(command.Version, command.Caller.Subject, command.Reason!, now);
        await db.SaveChangesAsync(cancellationToken);
        return request.ToDto(basis.Currency, forBuyer: true);
    }
}

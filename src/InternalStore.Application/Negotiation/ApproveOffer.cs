using FluentValidation;
using InternalStore.Application.Authority;
using InternalStore.Application.Common;
using Mediator;

namespace InternalStore.Application.Negotiation;

/// <summary>A second finance person of the seller approves an offer below the standard price, with a reason.</summary>
public sealed record ApproveOfferCommand(Caller Caller, Guid RequestId, int Version, string? Reason) : ICommand<QuoteRequestDto>, ICallerMessage;

public sealed class ApproveOfferValidator : AbstractValidator<ApproveOfferCommand>
{
    public ApproveOfferValidator() =>
        RuleFor(x => x.Reason).NotEmpty().WithMessage("Say why the price below the standard is right.").MaximumLength(2000)
            .OverridePropertyName("reason");
}

public sealed class ApproveOfferHandler(IStoreDb db, QuoteRequestAccess access, NegotiationBasis basis, TimeProvider clock,
    Notifications.Notifier notifier)
    : ICommandHandler<ApproveOfferCommand, QuoteRequestDto>
{
    public async ValueTask<QuoteRequestDto> Handle(ApproveOfferCommand command, CancellationToken cancellationToken)
    {
        var (request, scope) = await access.LoadAsync(command.Caller, command.RequestId, track: true, cancellationToken);
        QuoteRequestAccess.RequireSellerFinance(scope, request);
        request.Approve(command.Version, command.Caller.Subject, command.Reason!, clock.GetUtcNow());
        await Notifications.OfferNotices.NotifyAsync(notifier, request, request.CurrentOffer!, basis.Currency, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return request.ToDto(basis.Currency, forBuyer: false);
    }
}

using FluentValidation;
using InternalStore.Application.Authority;
using InternalStore.Application.Common;
using InternalStore.Domain.Common;
using InternalStore.Domain.Negotiation;
using Mediator;

namespace InternalStore.Application.Negotiation;

public sealed record OfferLineRequest(string? Sku, decimal? UnitPrice);

/// <summary>Finance of the seller offers a unit price per line, valid until a time; each line's cost basis is recorded with it.</summary>
public sealed record MakeOfferCommand(Caller Caller, Guid RequestId, IReadOnlyList<OfferLineRequest>? Lines, DateTimeOffset? ValidUntil,
    string? Comment) : ICommand<QuoteRequestDto>, ICallerMessage;

public sealed class MakeOfferValidator : AbstractValidator<MakeOfferCommand>
{
    public MakeOfferValidator()
    {
        RuleFor(x => x.Lines).NotEmpty().WithMessage("An offer prices every line of the request.").OverridePropertyName("lines");
        RuleForEach(x => x.Lines).ChildRules(line =>
        {
            line.RuleFor(l => l.Sku).NotEmpty().MaximumLength(40);
            line.RuleFor(l => l.UnitPrice).NotNull().InclusiveBetween(0, 1_000_000_000);
        }).OverridePropertyName("lines");
        RuleFor(x => x.ValidUntil).NotNull().WithMessage("validUntil says until when the offer holds.").OverridePropertyName("validUntil");
        RuleFor(x => x.Comment).MaximumLength(2000).OverridePropertyName("comment");
    }
}

public sealed class MakeOfferHandler(IStoreDb db, QuoteRequestAccess access, NegotiationBasis basis, TimeProvider clock,
    Notifications.Notifier notifier)
    : ICommandHandler<MakeOfferCommand, QuoteRequestDto>
{
    public async ValueTask<QuoteRequestDto> Handle(MakeOfferCommand command, CancellationToken cancellationToken)
    {
        var (request, scope) = await access.LoadAsync(command.Caller, command.RequestId, track: true, cancellationToken);
        QuoteRequestAccess.RequireSellerFinance(scope, request);
        var facts = await basis.OfAsync(request, cancellationToken);
        var lines = new List<OfferLine>();
        for (var i = 0; i < command.Lines!.Count; i++)
        {
            var asked = command.Lines[i];
            var fact = facts.FirstOrDefault(f => f.Sku == asked.Sku)
                ?? throw new DomainValidationException("validation", $"lines[{i}].sku", $"{asked.Sku} is not a line of this request.");
            var minorUnits = InternalStore.Pricing.Currencies.MinorUnits(basis.Currency);
            if (decimal.Round(asked.UnitPrice!.Value, minorUnits) != asked.UnitPrice)
                throw new DomainValidationException("validation", $"lines[{i}].unitPrice",
                    $"A unit price has at most {minorUnits} decimals in {basis.Currency}.");
            lines.Add(new OfferLine(fact.Sku, fact.Quantity, asked.UnitPrice!.Value, fact.UnitCost, fact.StandardUnitPrice, fact.Floor));
        }

        var offer = request.MakeOffer(command.Caller.Subject, lines, command.ValidUntil!.Value, command.Comment, automatic: false, clock.GetUtcNow());
        if (offer.Visible)
            await Notifications.OfferNotices.NotifyAsync(notifier, request, offer, basis.Currency, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return request.ToDto(basis.Currency, forBuyer: false);
    }
}

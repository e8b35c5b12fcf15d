using FluentValidation;
using InternalStore.Application.Authority;
using InternalStore.Application.Checkout;
using InternalStore.Application.Common;
using InternalStore.Application.Orders;
using InternalStore.Application.Pricing;
using InternalStore.Domain.Common;
using InternalStore.Domain.Negotiation;
using InternalStore.Domain.Ordering;
using InternalStore.Pricing;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace InternalStore.Application.Negotiation;

/// <summary>
/// The buyer accepts the current offer: in one transaction the request is marked accepted and an
/// order is placed at the offered prices (stock reserved like any order); then it is settled the
/// buyer's way (chargeback for a department, invoice for an affiliate). The same key again answers
/// with the same order; of several accepts (or an accept racing an expiry or a new version) exactly one wins.
/// </summary>
public sealed record AcceptOfferCommand(Caller Caller, Guid RequestId, int Version, string? IdempotencyKey)
    : ICommand<CheckoutDto>, ICallerMessage, IRunsOwnTransactions;

public sealed class AcceptOfferValidator : AbstractValidator<AcceptOfferCommand>
{
    public AcceptOfferValidator() =>
        RuleFor(x => x.IdempotencyKey).NotEmpty().WithMessage("Send an Idempotency-Key header: a retry with it is safe.")
            .MaximumLength(100).OverridePropertyName("Idempotency-Key");
}

public sealed class AcceptOfferHandler(IStoreDb db, QuoteRequestAccess access, OrderPlacer placer, TransactionRunner runner,
    ISender sender, TimeProvider clock) : ICommandHandler<AcceptOfferCommand, CheckoutDto>
{
    public async ValueTask<CheckoutDto> Handle(AcceptOfferCommand command, CancellationToken cancellationToken)
    {
        var key = command.IdempotencyKey!;
        var (orderId, kind) = await runner.RunAsync(async ct =>
        {
            var (request, _) = await access.LoadAsync(command.Caller, command.RequestId, track: true, ct);
            if (request.AcceptKey == key && request.OrderId is { } placed)
                return (placed, request.BuyerKind);
            if (request.Status == QuoteRequestStatus.Accepted)
                throw new ConflictException("invalid-state", "This request was already accepted; its order is " + request.OrderId + ".");

            var now = clock.GetUtcNow();
            Offer offer;
            try
            {
                offer = request.Accept(command.Version, command.Caller.Subject, key, now);
            }
            catch (ConflictException) when (request.Status == QuoteRequestStatus.Expired)
            {
                // The refusal says why; the request's expiry itself is kept.
                await db.SaveChangesAsync(ct);
                throw;
            }

            // The accept is saved first: its version check lets one of several concurrent accepts through.
            await db.SaveChangesAsync(ct);
            var order = await placer.PlaceAsync(command.Caller, [.. offer.Lines.Select(l => new QuoteLineRequest(l.Sku, l.Quantity))],
                key, Common.RequestHash.Of($"offer:{request.Id}:v{offer.Version}"), priced => Agreed(request, offer, priced), ct);
            request.OrderPlaced(order.Id);
            await db.SaveChangesAsync(ct);
            return (order.Id, request.BuyerKind);
        }, cancellationToken);

        var method = kind == BuyerKind.Department ? PaymentMethod.Chargeback : PaymentMethod.Invoice;
        return await sender.Send(new CheckoutOrderCommand(command.Caller, orderId, key, method.WireName(), null, null), cancellationToken);
    }

    /// <summary>The offered prices, each line's explanation naming the offer and its cost basis.</summary>
    private static IReadOnlyList<AgreedLine> Agreed(QuoteRequest request, Offer offer, PricedCart priced)
    {
        var currency = priced.Quote.Currency;
        return [.. priced.Quote.Lines.Select(line =>
        {
            var offered = offer.Lines.Single(l => l.Sku == line.Sku);
            var total = Currencies.Round(offered.UnitPrice * offered.Quantity, currency);
            IReadOnlyList<ExplanationStepDto> steps =
            [
                new("list", "listPrice", line.ListPrice, line.ListPrice, "List price."),
                new($"offer:{request.Id}/v{offer.Version}", "negotiatedOffer", offered.StandardUnitPrice, offered.UnitPrice,
                    $"Negotiated offer v{offer.Version} of quote request {request.Id}: {offered.UnitPrice:0.00} instead of the standard "
                    + $"{offered.StandardUnitPrice:0.00}; cost-plus, unit cost {offered.UnitCost:0.00} plus {offered.MarkupPercent:0.##} %."),
            ];
            return new AgreedLine(offered.UnitPrice, total, 0m, steps);
        })];
    }
}

using InternalStore.Application.Authority;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FluentValidation;
using InternalStore.Application.Common;
using InternalStore.Application.Pricing;
using InternalStore.Domain.Common;
using InternalStore.Domain.Ordering;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InternalStore.Application.Orders;

/// <summary>
/// Places an order priced on the server (or at the prices of a valid quote token of the same buyer
/// and lines), reserving stock and allowance in the same transaction. The idempotency key makes a
/// retry return the first order.
/// </summary>
/// <remarks>
/// Runs its own transaction so that what needs no lock happens before it: the request's hash, the
/// quote token's check and the look-up of an earlier order with the same key, and after it the
/// response. On SQLite a transaction holds the one write lock, so whatever runs inside it runs one
/// order at a time.
/// </remarks>
/// <param name="Notify">False for a cart checkout: its buyer hears of the order by its receipt once paid, and of nothing when the payment is refused.</param>
public sealed record PlaceOrderCommand(Caller Caller, string? IdempotencyKey, IReadOnlyList<QuoteLineRequest>? Lines,
    string? QuoteToken, bool Notify = true) : ICommand<PlaceOrderResult>, ICallerMessage, IRunsOwnTransactions;

public sealed record PlaceOrderResult(OrderDto Order, bool Created);

public sealed class PlaceOrderValidator : AbstractValidator<PlaceOrderCommand>
{
    public PlaceOrderValidator()
    {
        RuleFor(x => x.IdempotencyKey).NotEmpty().WithMessage("Send an Idempotency-Key header: a retry with it is safe.")
            .MaximumLength(100).OverridePropertyName("Idempotency-Key");
        RuleFor(x => x.QuoteToken).MaximumLength(20_000).OverridePropertyName("quoteToken");
        this.CartRules(x => x.Lines);
    }
}

public sealed class PlaceOrderHandler(IStoreDb db, OrderPlacer placer, QuoteTokens tokens, TransactionRunner transactions)
    : ICommandHandler<PlaceOrderCommand, PlaceOrderResult>
{
    public async ValueTask<PlaceOrderResult> Handle(PlaceOrderCommand command, CancellationToken cancellationToken)
    {
        var hash = RequestHash(command);
        if (await EarlierAsync(command, hash, cancellationToken) is { } replay)
            return replay;
        var quoted = command.QuoteToken is null ? null : CheckToken(command);

        // A concurrent request with the same key can commit between the look-up above and this
        // transaction: the insert then loses on the unique key, and the runner's second attempt
        // finds the winner's order here.
        var attempt = 0;
        var (order, earlier) = await transactions.RunAsync(async ct =>
            ++attempt > 1 && await EarlierAsync(command, hash, ct) is { } winner
                ? (null, winner)
                : (await PlaceAsync(command, hash, quoted, ct), (PlaceOrderResult?)null), cancellationToken);
        return earlier ?? new PlaceOrderResult(order!.ToDto(), Created: true);
    }

    /// <summary>The order an earlier request with the same key placed; a different request with that key is refused.</summary>
    private async Task<PlaceOrderResult?> EarlierAsync(PlaceOrderCommand command, string hash, CancellationToken cancellationToken)
    {
        // A retry is rare: look for the key with a narrow query, and load the whole order only when found.
        var earlier = await db.Orders.AsNoTracking()
            .Where(o => o.BuyerId == command.Caller.Subject && o.IdempotencyKey == command.IdempotencyKey)
            .Select(o => new { o.Id, o.RequestHash })
            .FirstOrDefaultAsync(cancellationToken);
        if (earlier is null)
            return null;
        return earlier.RequestHash == hash
            ? new PlaceOrderResult((await db.Orders.AsNoTracking().Include(o => o.Lines).Include(o => o.History).AsSplitQuery()
                .SingleAsync(o => o.Id == earlier.Id, cancellationToken)).ToDto(), Created: false)
            : throw new IdempotencyKeyReusedException(command.IdempotencyKey!);
    }

    /// <summary>Priced by the engine, or at the locked prices of the quote token when it still holds.</summary>
    private Task<Order> PlaceAsync(PlaceOrderCommand command, string hash, QuoteClaims? quoted, CancellationToken cancellationToken) =>
        placer.PlaceAsync(command.Caller, command.Lines!, command.IdempotencyKey!, hash, quoted is null ? null : priced =>
        {
            if (quoted.PricedAs != priced.Quote.PricedAs.WireName() || quoted.AllowanceConsumed > priced.Quote.AllowanceConsumed)
                throw new ConflictException("quote-expired",
                    "The quote no longer holds: the allowance it assumed has been used meanwhile. Ask for a new quote.");
            return [.. quoted.Lines.Select(l => new AgreedLine(l.UnitPrice, l.LineTotal, l.AllowanceTaken, null))];
        }, cancellationToken, command.Notify);

    private QuoteClaims CheckToken(PlaceOrderCommand command)
    {
        switch (tokens.Check(command.QuoteToken!, out var claims))
        {
            case QuoteTokenCheck.Invalid:
                throw new DomainValidationException("quote-invalid", "quoteToken", "The quote token is not one this store issued.");
            case QuoteTokenCheck.Expired:
                throw new ConflictException("quote-expired", "The quote has expired. Ask for a new quote.");
        }

        var sameCart = claims!.Buyer == command.Caller.Subject && claims.Lines.Count == command.Lines!.Count
            && claims.Lines.Zip(command.Lines).All(p => p.First.Sku == p.Second.Sku && p.First.Quantity == p.Second.Quantity);
        return sameCart
            ? claims
            : throw new DomainValidationException("quote-invalid", "quoteToken",
                "The quote token was issued for another buyer or other lines.");
    }

    private static string RequestHash(PlaceOrderCommand command) => Common.RequestHash.OfJson(new
    {
        lines = command.Lines!.Select(l => new { l.Sku, l.Quantity }),
        command.QuoteToken,
    });
}

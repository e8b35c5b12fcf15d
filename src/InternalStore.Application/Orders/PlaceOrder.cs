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
public sealed record PlaceOrderCommand(Caller Caller, string? IdempotencyKey, IReadOnlyList<QuoteLineRequest>? Lines,
    string? QuoteToken) : ICommand<PlaceOrderResult>, ICallerMessage, IRunsOwnTransactions;

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

public sealed class PlaceOrderHandler(IStoreDb db, CartPricer pricer, OrganisationAuthority authority, QuoteTokens tokens,
    TimeProvider clock, IOptions<OrderOptions> options, TransactionRunner transactions)
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
            ? new PlaceOrderResult((await db.Orders.AsNoTracking().Include(o => o.Lines).Include(o => o.History)
                .SingleAsync(o => o.Id == earlier.Id, cancellationToken)).ToDto(), Created: false)
            : throw new IdempotencyKeyReusedException(command.IdempotencyKey!);
    }

    private async Task<Order> PlaceAsync(PlaceOrderCommand command, string hash, QuoteClaims? quoted,
        CancellationToken cancellationToken)
    {
        var caller = command.Caller;
        var now = clock.GetUtcNow();
        var priced = await pricer.PriceAsync(caller, command.Lines!, DateOnly.FromDateTime(now.UtcDateTime),
            lockForOrder: true, cancellationToken);
        if (priced.Buyer.Kind is not { } kind)
            throw new ForbiddenException("Orders are placed by employees, department buyers and affiliate buyers.");
        var quote = priced.Quote;
        if (quote.Violations.Count > 0)
        {
            var v = quote.Violations[0];
            throw new ConflictException("quantity-limit",
                $"{v.Sku}: the quantity limit leaves {v.Remaining} unit(s) for now; the order was not placed.");
        }

        if (quoted is not null && (quoted.PricedAs != quote.PricedAs.WireName()
                                   || quoted.AllowanceConsumed > quote.AllowanceConsumed))
            throw new ConflictException("quote-expired",
                "The quote no longer holds: the allowance it assumed has been used meanwhile. Ask for a new quote.");

        var external = kind == BuyerKind.Employee ? priced.ExternalQuote() : null;
        var lines = new List<OrderLine>();
        for (var i = 0; i < quote.Lines.Count; i++)
        {
            var line = quote.Lines[i];
            var product = priced.Products[line.Sku];
            var quantity = (int)line.Quantity;
            var (unitPrice, lineTotal, allowance) = quoted is null
                ? (line.UnitPrice, line.LineTotal, line.AllowanceTaken)
                : (quoted.Lines[i].UnitPrice, quoted.Lines[i].LineTotal, quoted.Lines[i].AllowanceTaken);
            var orderLine = new OrderLine(line.Sku, product.Name, quantity, line.ListPrice, unitPrice, lineTotal,
                line.ListPrice * quantity - lineTotal, allowance,
                JsonSerializer.Serialize(Explanations.Of(quote, i), PricingJson.Options), product.UnitCost);
            orderLine.PricedForBenefits(external?.Lines[i].UnitPrice ?? line.ListPrice, product.SupplyKind);
            lines.Add(orderLine);
        }

        // An affiliate buys from the company its token names; failing that, from the group's parent.
        var seller = kind != BuyerKind.Affiliate ? priced.Buyer.Company!
            : OrganisationAuthority.SellerForAffiliate(caller, await authority.ChartAsync(cancellationToken))!;
        var order = Order.Place(new OrderPlacement(kind, caller.Subject, priced.Buyer.Company!, seller, priced.Buyer.CostCenter,
            quote.Currency, lines, priced.Products, priced.Ledger, now, TimeSpan.FromMinutes(options.Value.HoldMinutes),
            command.IdempotencyKey!, hash));
        db.Orders.Add(order);
        await db.WritePlacedOrderAsync(order, [.. priced.Products.Values], priced.Ledger, cancellationToken);
        return order;
    }

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

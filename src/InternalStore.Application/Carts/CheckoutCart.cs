using FluentValidation;
using InternalStore.Application.Authority;
using InternalStore.Application.Checkout;
using InternalStore.Application.Checkout.Methods;
using InternalStore.Application.Common;
using InternalStore.Application.Orders;
using InternalStore.Application.Pricing;
using InternalStore.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace InternalStore.Application.Carts;

/// <summary>
/// Orders what is in the caller's cart and checks the order out in one step, under one idempotency
/// key: the same key again (a double click, a resent form) answers with the same order and payment.
/// A checkout that is refused cancels the order it just placed, so the stock and allowance come back
/// and the cart is kept; a placed and settled order takes its lines out of the cart.
/// </summary>
public sealed record CheckoutCartCommand(Caller Caller, string? IdempotencyKey, string? Method, int? Installments,
    string? PaymentMethodId) : ICommand<CheckoutDto>, ICallerMessage, IRunsOwnTransactions;

public sealed class CheckoutCartHandler(IStoreDb db, ISender sender, SettlementMethods methods, TransactionRunner runner,
    IValidator<CheckoutOrderCommand> checkoutRules, CartPricer pricer, TimeProvider clock) : ICommandHandler<CheckoutCartCommand, CheckoutDto>
{
    public async ValueTask<CheckoutDto> Handle(CheckoutCartCommand command, CancellationToken cancellationToken)
    {
        CartBuyers.Require(command.Caller);
        // The checkout's own rules (key, method, installments) are checked before anything is placed.
        await checkoutRules.ValidateAndThrowAsync(Checkout(command, Guid.Empty), cancellationToken);

        var caller = command.Caller;
        var earlier = await db.Orders.AsNoTracking()
            .Where(o => o.BuyerId == caller.Subject && o.IdempotencyKey == command.IdempotencyKey)
            .Select(o => (Guid?)o.Id).FirstOrDefaultAsync(cancellationToken);
        Guid orderId;
        var placedNow = false;
        IReadOnlyList<string> ordered = [];
        if (earlier is { } id)
        {
            orderId = id;
        }
        else
        {
            var method = methods.Find(command.Method)!;
            if (await method.UnavailableToAsync(await BuyerKindAsync(caller, cancellationToken), caller.Subject, cancellationToken)
                is { } reason)
                throw new ConflictException("payment-method-unavailable", reason);
            var lines = await CartLinesAsync(caller.Subject, cancellationToken);
            if (lines.Count == 0)
                throw new ConflictException("cart-empty", "Your cart is empty: add something before checking out.");
            var placed = await sender.Send(new PlaceOrderCommand(caller, command.IdempotencyKey, lines, null, Notify: false), cancellationToken);
            (orderId, placedNow, ordered) = (placed.Order.Id, placed.Created, [.. lines.Select(l => l.Sku!)]);
        }

        CheckoutDto result;
        try
        {
            result = await sender.Send(Checkout(command, orderId), cancellationToken);
        }
        catch (Exception ex) when (placedNow && ex is ConflictException or PaymentDeclinedException or PaymentProviderUnavailableException)
        {
            await sender.Send(new CancelOrderCommand(caller, orderId), CancellationToken.None);
            throw;
        }

        if (placedNow)
            await TakeOutAsync(caller.Subject, ordered, cancellationToken);
        return result;
    }

    private static CheckoutOrderCommand Checkout(CheckoutCartCommand command, Guid orderId) =>
        new(command.Caller, orderId, command.IdempotencyKey, command.Method, command.Installments, command.PaymentMethodId);

    private async Task<Domain.Ordering.BuyerKind> BuyerKindAsync(Caller caller, CancellationToken cancellationToken) =>
        (await pricer.BuyerAsync(caller, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), cancellationToken)).Kind
        ?? throw new ForbiddenException("Orders are placed by employees on the roster, department buyers and affiliate buyers.");

    private async Task<List<QuoteLineRequest>> CartLinesAsync(string owner, CancellationToken cancellationToken) =>
        (await db.Carts.AsNoTracking().Where(c => c.Owner == owner).SelectMany(c => c.Items).ToListAsync(cancellationToken))
        .OrderBy(i => i.Position).Select(i => new QuoteLineRequest(i.Sku, i.Quantity)).ToList();

    private Task<int> TakeOutAsync(string owner, IReadOnlyList<string> skus, CancellationToken cancellationToken) =>
        runner.RunAsync(async ct =>
        {
            var cart = await db.Carts.Include(c => c.Items).FirstOrDefaultAsync(c => c.Owner == owner, ct);
            if (cart is null)
                return 0;
            var now = clock.GetUtcNow();
            foreach (var sku in skus)
                cart.Set(sku, 0, now);
            return await db.SaveChangesAsync(ct);
        }, cancellationToken);
}

using InternalStore.Domain.Common;
using InternalStore.Domain.Ordering;
using InternalStore.Domain.Settlement;

namespace InternalStore.Application.Checkout.Methods;

/// <summary>
/// One way an order is settled: everything the store knows about it lives in its class. Adding a
/// method is a value of <see cref="PaymentMethod"/>, one class in this folder and one line in
/// <see cref="SettlementMethodRegistration.AddSettlementMethods"/>.
/// </summary>
/// <remarks>
/// Checkout runs in <see cref="CheckoutOrderHandler"/>: it loads the order, answers a replay with
/// <see cref="ReplayAsync"/>, fixes the method on the order and calls <see cref="SettleAsync"/> in one
/// transaction, then <see cref="AfterCommitAsync"/> outside it (where a provider may be called).
/// Money arrives through <see cref="OrderPayments.PaidAsync"/>, the one "order paid" path.
/// </remarks>
public interface ISettlementMethod
{
    PaymentMethod Method { get; }

    /// <summary>The method's name on the wire (<c>method</c> of a checkout): its value's wire name.</summary>
    string WireName => Method.WireName();

    /// <summary>Words for people, as in "pays by payroll deduction".</summary>
    string Description { get; }

    bool Fits(BuyerKind buyer);

    /// <summary>
    /// Why a buyer it fits cannot pay this way now (a leaver and payroll, card without Stripe), in
    /// words for them; null when they can. Shown before they build a cart; checkout refuses the same.
    /// </summary>
    Task<string?> UnavailableToAsync(BuyerKind buyer, string buyerId, CancellationToken ct) => Task.FromResult<string?>(null);

    /// <summary>
    /// The order keeps its stock and allowance until the buyer settles (an invoice): it does not
    /// expire and is not cancelled.
    /// </summary>
    bool HoldsGoodsUntilSettled => false;

    /// <summary>A refund waits for a provider's word; otherwise it is done in the refund's transaction.</summary>
    bool RefundsThroughProvider => false;

    /// <summary>
    /// Settles, or starts settling, the order inside the checkout's transaction, and returns what the
    /// buyer is shown (the details of the checkout answer). A refusal throws and nothing is kept.
    /// </summary>
    Task<object?> SettleAsync(Order order, CheckoutOrderCommand command, CancellationToken ct);

    /// <summary>After the checkout's commit: a provider's call, whose result is recorded in a new transaction.</summary>
    Task<object?> AfterCommitAsync(object? settled, CheckoutOrderCommand command, CancellationToken ct) =>
        Task.FromResult(settled);

    /// <summary>
    /// A checkout sent again with the same key: the details of what it produced, or null when the
    /// work is not finished and settling again with the same key resumes it.
    /// </summary>
    Task<object?> ReplayAsync(Order order, CancellationToken ct);

    /// <summary>Gives the money of a recorded refund back the way it came, inside the refund's transaction.</summary>
    /// <param name="cost">The refunded units' cost, for journal entries.</param>
    Task SettleRefundAsync(Order order, Refund refund, decimal cost, DateTimeOffset now, CancellationToken ct);

    /// <summary>The buyer or finance cancelled the unpaid order (its reservations are already released).</summary>
    void OnCancelled(Order order, DateTimeOffset now)
    {
    }

    /// <summary>The unpaid order's hold ran out (its reservations are already released).</summary>
    void OnExpired(Order order, DateTimeOffset now)
    {
    }
}

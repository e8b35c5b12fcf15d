using InternalStore.Domain.Common;
using InternalStore.Domain.Ordering;

namespace InternalStore.Application.Checkout.Methods;

/// <summary>The registered settlement methods, found by value or wire name.</summary>
public sealed class SettlementMethods
{
    private readonly IReadOnlyList<ISettlementMethod> _methods;

    public SettlementMethods(IEnumerable<ISettlementMethod> methods)
    {
        _methods = methods.ToList();
        var twice = _methods.GroupBy(m => m.Method).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
            throw new InvalidOperationException($"Two settlement methods are registered for {twice.Key}.");
    }

    public IReadOnlyList<ISettlementMethod> All => _methods;

    /// <summary>The wire names, for messages: "card, payroll, chargeback, invoice".</summary>
    public string WireNames => string.Join(", ", _methods.Select(m => m.WireName));

    public ISettlementMethod? Find(string? wireName) =>
        _methods.FirstOrDefault(m => string.Equals(m.WireName, wireName, StringComparison.OrdinalIgnoreCase));

    public ISettlementMethod Of(PaymentMethod method) => _methods.FirstOrDefault(m => m.Method == method)
        ?? throw new InvalidOperationException($"No settlement method is registered for {method}.");

    /// <summary>The method an order was checked out with; null before checkout.</summary>
    public ISettlementMethod? Of(Order order) => order.PaymentMethod is { } method ? Of(method) : null;

    /// <summary>Fixes <paramref name="method"/> on the order if it fits the buyer; 409 naming the buyer's ways otherwise.</summary>
    public void Choose(Order order, ISettlementMethod method, string checkoutKey, string checkoutHash)
    {
        if (!method.Fits(order.BuyerKind))
        {
            var ways = _methods.Where(m => m.Fits(order.BuyerKind)).Select(m => m.Description).ToList();
            var buyer = order.BuyerKind.WireName();
            throw new ConflictException("payment-method-unavailable",
                $"{method.WireName} is not a way a{(buyer[0] is 'a' or 'e' ? "n" : "")} {buyer} buyer pays; "
                + (ways.Count == 0 ? "none is offered." : $"it pays by {string.Join(" or ", ways)}."));
        }

        order.ChooseMethod(method.Method, method.HoldsGoodsUntilSettled, checkoutKey, checkoutHash);
    }
}

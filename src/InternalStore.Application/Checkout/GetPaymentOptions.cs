using InternalStore.Application.Authority;
using InternalStore.Application.Checkout.Methods;
using InternalStore.Application.Common;
using InternalStore.Application.Pricing;
using InternalStore.Domain.Common;
using Mediator;
using Microsoft.Extensions.Options;

namespace InternalStore.Application.Checkout;

/// <param name="BuyingAs">employee, department or affiliate; null when the caller cannot order.</param>
/// <param name="CanPay">At least one way is open: when false, say so before the buyer builds a cart.</param>
/// <param name="Message">Why the caller cannot order or pay at all, in words for them.</param>
public sealed record PaymentOptionsDto(string? BuyingAs, bool CanPay, string? Message, int MaxInstallments,
    IReadOnlyList<PaymentOptionDto> Methods);

/// <param name="Reason">Why this way is closed to the caller now; null when it is open.</param>
public sealed record PaymentOptionDto(string Method, string Description, bool Available, string? Reason);

/// <summary>The ways the caller can pay for an order, and why the others are closed to them.</summary>
public sealed record GetPaymentOptionsQuery(Caller Caller) : IQuery<PaymentOptionsDto>, ICallerMessage;

public sealed class GetPaymentOptionsHandler(CartPricer pricer, SettlementMethods methods, TimeProvider clock,
    IOptions<PayrollOptions> payroll) : IQueryHandler<GetPaymentOptionsQuery, PaymentOptionsDto>
{
    public async ValueTask<PaymentOptionsDto> Handle(GetPaymentOptionsQuery query, CancellationToken cancellationToken)
    {
        var buyer = await pricer.BuyerAsync(query.Caller, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), cancellationToken);
        if (buyer.Kind is not { } kind)
            return new PaymentOptionsDto(null, false,
                "Orders are placed by employees on the roster, department buyers and affiliate buyers.", payroll.Value.MaxInstallments, []);

        var options = new List<PaymentOptionDto>();
        foreach (var method in methods.All.Where(m => m.Fits(kind)))
        {
            var reason = await method.UnavailableToAsync(kind, query.Caller.Subject, cancellationToken);
            options.Add(new PaymentOptionDto(method.WireName, method.Description, reason is null, reason));
        }

        var canPay = options.Any(o => o.Available);
        return new PaymentOptionsDto(kind.WireName(), canPay,
            canPay ? null : "You cannot pay for an order here now: " + string.Join(" ", options.Select(o => o.Reason)),
            payroll.Value.MaxInstallments, options);
    }
}

using InternalStore.Application.Authority;
using InternalStore.Application.Checkout;
using InternalStore.Application.Checkout.Methods;
using InternalStore.Application.Common;
using InternalStore.Domain.Common;
using Mediator;

namespace InternalStore.Application.Carts;

/// <summary>What checking out the cart would do, before the buyer confirms: the ways to pay and, for payroll, each pay date and amount.</summary>
/// <param name="Installments">The pay periods to preview payroll over (1 when absent).</param>
public sealed record PreviewCheckoutQuery(Caller Caller, int? Installments) : IQuery<CheckoutPreviewDto>, ICallerMessage;

/// <param name="Payroll">The deductions a payroll checkout would schedule; null when payroll is not open to the caller or the cart cannot be ordered.</param>
/// <param name="PayrollRefusal">Why payroll would refuse this schedule (the per-period cap), before the buyer tries.</param>
public sealed record CheckoutPreviewDto(CartDto Cart, PaymentOptionsDto Options, int Installments, PayrollScheduleDto? Payroll,
    string? PayrollRefusal);

public sealed class PreviewCheckoutHandler(ISender sender, SettlementMethods methods) : IQueryHandler<PreviewCheckoutQuery, CheckoutPreviewDto>
{
    public async ValueTask<CheckoutPreviewDto> Handle(PreviewCheckoutQuery query, CancellationToken cancellationToken)
    {
        var cart = await sender.Send(new GetCartQuery(query.Caller), cancellationToken);
        var options = await sender.Send(new GetPaymentOptionsQuery(query.Caller), cancellationToken);
        var installments = Math.Clamp(query.Installments ?? 1, 1, options.MaxInstallments);
        var payrollOpen = options.Methods.Any(m => m.Method == Domain.Ordering.PaymentMethod.Payroll.WireName() && m.Available);
        if (!payrollOpen || cart.Quote is null || !cart.Orderable || methods.All.OfType<PayrollMethod>().FirstOrDefault() is not { } payroll)
            return new CheckoutPreviewDto(cart, options, installments, null, null);
        var (schedule, refusal) = await payroll.PreviewAsync(query.Caller.Subject, cart.Quote.Subtotal, cart.Quote.Currency,
            installments, cancellationToken);
        return new CheckoutPreviewDto(cart, options, installments, schedule, refusal);
    }
}

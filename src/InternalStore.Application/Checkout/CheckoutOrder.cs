using InternalStore.Domain.Common;
using InternalStore.Application.Authority;
using FluentValidation;
using InternalStore.Application.Checkout.Methods;
using InternalStore.Application.Common;
using InternalStore.Application.Orders;
using InternalStore.Domain.Ordering;
using Mediator;
using Microsoft.Extensions.Options;

namespace InternalStore.Application.Checkout;

/// <summary>
/// Settles an order by the method that fits its buyer. Payroll and chargeback are paid at once,
/// an invoice when finance marks it settled, a card when Stripe's signed webhook says so.
/// </summary>
/// <param name="PaymentMethodId">Optional: a payment method the buyer saved with Stripe, confirmed by the server.</param>
public sealed record CheckoutOrderCommand(Caller Caller, Guid Id, string? IdempotencyKey, string? Method,
    int? Installments, string? PaymentMethodId) : ICommand<CheckoutDto>, ICallerMessage, IRunsOwnTransactions
{
    /// <summary>What the client asked for, to tell a replay from a reused key.</summary>
    public string RequestHash => Common.RequestHash.Of($"{Method?.ToLowerInvariant()}|{Installments}|{PaymentMethodId}");
}

public sealed class CheckoutOrderValidator : AbstractValidator<CheckoutOrderCommand>
{
    public CheckoutOrderValidator(IOptions<PayrollOptions> payroll, SettlementMethods methods)
    {
        RuleFor(x => x.IdempotencyKey).NotEmpty().WithMessage("Send an Idempotency-Key header: a retry with it is safe.")
            .MaximumLength(100).OverridePropertyName("Idempotency-Key");
        RuleFor(x => x.Method).NotEmpty()
            .Must(m => methods.Find(m) is not null)
            .WithMessage($"method is one of {methods.WireNames}.");
        RuleFor(x => x.Installments).InclusiveBetween(1, payroll.Value.MaxInstallments)
            .WithMessage($"installments is between 1 and {payroll.Value.MaxInstallments} pay periods.")
            .When(x => x.Installments is not null);
        RuleFor(x => x.Installments).Null().WithMessage("installments applies to payroll deduction only.")
            .When(x => x.Method is not null && !x.Method.Equals(PaymentMethod.Payroll.WireName(), StringComparison.OrdinalIgnoreCase));
        RuleFor(x => x.PaymentMethodId).MaximumLength(100).Matches("^[A-Za-z0-9_]+$")
            .WithMessage("paymentMethodId is a Stripe payment method id such as pm_...")
            .When(x => x.PaymentMethodId is not null);
        RuleFor(x => x.PaymentMethodId).Null().WithMessage("paymentMethodId applies to card payments only.")
            .When(x => x.Method is not null && !x.Method.Equals(PaymentMethod.Card.WireName(), StringComparison.OrdinalIgnoreCase));
    }
}

/// <summary>
/// The steps every method shares: in one transaction the owner's order is loaded, a replay answered,
/// the method fixed on the order and its settlement run; then the method's after-commit step.
/// </summary>
public sealed class CheckoutOrderHandler(IStoreDb db, OrderAccess access, TransactionRunner runner, SettlementMethods methods)
    : ICommandHandler<CheckoutOrderCommand, CheckoutDto>
{
    public async ValueTask<CheckoutDto> Handle(CheckoutOrderCommand command, CancellationToken cancellationToken)
    {
        var method = methods.Find(command.Method)
            ?? throw new InvalidOperationException("The validator admits only a registered method's wire name.");
        var (order, details) = await runner.RunAsync(async ct =>
        {
            var order = await LoadForCheckoutAsync(command, ct);
            if (order.CheckoutKey == command.IdempotencyKey)
            {
                if (order.CheckoutHash != command.RequestHash)
                    throw new IdempotencyKeyReusedException(command.IdempotencyKey!);
                if (await method.ReplayAsync(order, ct) is { } earlier)
                    return (order.ToDto(), earlier);
            }

            methods.Choose(order, method, command.IdempotencyKey!, command.RequestHash);
            var settled = await method.SettleAsync(order, command, ct);
            await db.SaveChangesAsync(ct);
            return (order.ToDto(), settled);
        }, cancellationToken);
        details = await method.AfterCommitAsync(details, command, cancellationToken);
        return new CheckoutDto(order, method.WireName, details);
    }

    /// <summary>The owner checks out; others who may see the order (hr, finance) are refused, anyone else gets 404.</summary>
    private async Task<Order> LoadForCheckoutAsync(CheckoutOrderCommand command, CancellationToken cancellationToken)
    {
        var order = await access.LoadForChangeAsync(command.Caller, command.Id, cancellationToken);
        return order.BuyerId == command.Caller.Subject
            ? order
            : throw new ForbiddenException("Only the buyer who placed an order checks it out.");
    }
}

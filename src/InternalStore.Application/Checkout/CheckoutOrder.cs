using InternalStore.Domain.Common;
using InternalStore.Application.Authority;
using System.Security.Cryptography;
using System.Text;
using FluentValidation;
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
    public PaymentMethod ParsedMethod => WireNames.TryParseWire<PaymentMethod>(Method, out var method)
        ? method
        : throw new InvalidOperationException("The validator admits only a method's wire name.");

    /// <summary>What the client asked for, to tell a replay from a reused key.</summary>
    public string RequestHash => Common.RequestHash.Of($"{Method?.ToLowerInvariant()}|{Installments}|{PaymentMethodId}");
}

public sealed class CheckoutOrderValidator : AbstractValidator<CheckoutOrderCommand>
{

    public CheckoutOrderValidator(IOptions<PayrollOptions> payroll)
    {
        RuleFor(x => x.IdempotencyKey).NotEmpty().WithMessage("Send an Idempotency-Key header: a retry with it is safe.")
            .MaximumLength(100).OverridePropertyName("Idempotency-Key");
        RuleFor(x => x.Method).NotEmpty()
            .Must(m => WireNames.TryParseWire<PaymentMethod>(m, out _))
            .WithMessage($"method is one of {WireNames.All<PaymentMethod>()}.");
        RuleFor(x => x.Installments).InclusiveBetween(1, payroll.Value.MaxInstallments)
            .WithMessage($"installments is between 1 and {payroll.Value.MaxInstallments} pay periods.")
            .When(x => x.Installments is not null);
        RuleFor(x => x.Installments).Null().WithMessage("installments applies to payroll deduction only.")
            .When(x => x.Method is not null && !x.Method.Equals("payroll", StringComparison.OrdinalIgnoreCase));
        RuleFor(x => x.PaymentMethodId).MaximumLength(100).Matches("^[A-Za-z0-9_]+$")
            .WithMessage("paymentMethodId is a Stripe payment method id such as pm_...")
            .When(x => x.PaymentMethodId is not null);
        RuleFor(x => x.PaymentMethodId).Null().WithMessage("paymentMethodId applies to card payments only.")
            .When(x => x.Method is not null && !x.Method.Equals("card", StringComparison.OrdinalIgnoreCase));
    }
}

public sealed class CheckoutOrderHandler(IStoreDb db, OrderAccess access, TransactionRunner runner, InternalSettlement settlement,
    CardCheckout card) : ICommandHandler<CheckoutOrderCommand, CheckoutDto>
{
    public async ValueTask<CheckoutDto> Handle(CheckoutOrderCommand command, CancellationToken cancellationToken)
    {
        if (command.ParsedMethod == PaymentMethod.Card)
            return await card.CheckoutAsync(command, cancellationToken);

        return await runner.RunAsync(async ct =>
        {
            var order = await LoadForCheckoutAsync(access, command, ct);
            if (order.CheckoutKey == command.IdempotencyKey)
                return order.CheckoutHash == command.RequestHash
                    ? await settlement.DescribeAsync(order, ct)
                    : throw new IdempotencyKeyReusedException(command.IdempotencyKey!);
            order.ChooseMethod(command.ParsedMethod, command.IdempotencyKey!, command.RequestHash);
            var result = await settlement.SettleAsync(order, command, ct);
            await db.SaveChangesAsync(ct);
            return result with { Order = order.ToDto() };
        }, cancellationToken);
    }

    /// <summary>The owner checks out; others who may see the order (hr, finance) are refused, anyone else gets 404.</summary>
    internal static async Task<Order> LoadForCheckoutAsync(OrderAccess access, CheckoutOrderCommand command,
        CancellationToken cancellationToken)
    {
        var order = await access.LoadForChangeAsync(command.Caller, command.Id, cancellationToken);
        return order.BuyerId == command.Caller.Subject
            ? order
            : throw new ForbiddenException("Only the buyer who placed an order checks it out.");
    }
}

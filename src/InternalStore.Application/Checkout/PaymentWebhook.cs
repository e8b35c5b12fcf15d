using InternalStore.Application.Common;
using InternalStore.Domain.Settlement;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace InternalStore.Application.Checkout;

/// <summary>A verified payment-provider event, reduced to what the store acts on.</summary>
/// <param name="OrderId">From the intent's metadata: known even before the store recorded the intent's id.</param>
public sealed record PaymentEvent(string Id, string Type, string? IntentId, Guid? OrderId, long Amount, string Currency,
    string? Error, IReadOnlyList<ProviderRefund> Refunds)
{
    public const string Succeeded = "payment_intent.succeeded";
    public const string Failed = "payment_intent.payment_failed";
    public const string Refunded = "charge.refunded";
}

/// <summary>The provider's signature on a webhook is missing, wrong or stale (HTTP 400; nothing changes).</summary>
public sealed class WebhookSignatureException(string message) : Exception(message);

/// <summary>Verifies a webhook's signature on its raw body and reads the event.</summary>
public interface IPaymentWebhookReader
{
    PaymentEvent Read(string body, string? signatureHeader);
}

/// <summary>
/// Applies one webhook event exactly once: its id is stored under a unique key in the same
/// transaction as the change it causes, and the order's row is locked first, so duplicates,
/// concurrent deliveries and late arrivals find the work done.
/// </summary>
public sealed record PaymentWebhookCommand(PaymentEvent Event) : ICommand<string>;

public sealed partial class PaymentWebhookHandler(IStoreDb db, CardPaymentOutcomes outcomes, TimeProvider clock,
    ILogger<PaymentWebhookHandler> logger) : ICommandHandler<PaymentWebhookCommand, string>
{
    public async ValueTask<string> Handle(PaymentWebhookCommand command, CancellationToken cancellationToken)
    {
        var e = command.Event;
        var now = clock.GetUtcNow();
        var order = e.OrderId is { } orderId ? await db.LockOrderAsync(orderId, cancellationToken)
            : e.IntentId is { } intentId ? await db.LockOrderByIntentAsync(intentId, cancellationToken)
            : null;
        if (await db.WebhookEvents.AnyAsync(w => w.Id == e.Id, cancellationToken))
            return "duplicate: the event was already handled";

        var payment = order is null ? null
            : await db.CardPayments.FirstOrDefaultAsync(p => p.OrderId == order.Id, cancellationToken);
        var outcome = (order, payment, e.Type) switch
        {
            (null, _, _) or (_, null, _) => "ignored: no card payment of this store",
            (_, _, PaymentEvent.Succeeded) => await outcomes.SucceededAsync(order, payment,
                new PaymentIntentInfo(e.IntentId!, "succeeded", e.Amount, e.Currency, null), cancellationToken),
            (_, _, PaymentEvent.Failed) => CardPaymentOutcomes.Failed(payment,
                new PaymentIntentInfo(e.IntentId!, "requires_payment_method", e.Amount, e.Currency, null, e.Error), now),
            (_, _, PaymentEvent.Refunded) => await ConfirmRefundsAsync(order.Id, e, now, cancellationToken),
            _ => $"ignored: {e.Type} is not handled",
        };
        if (outcome.StartsWith("ignored: ", StringComparison.Ordinal))
            LogIgnored(e.Id, e.Type, outcome);
        db.WebhookEvents.Add(new WebhookEvent(e.Id, e.Type, now, outcome));
        await db.SaveChangesAsync(cancellationToken);
        return outcome;
    }

    private async Task<string> ConfirmRefundsAsync(Guid orderId, PaymentEvent e, DateTimeOffset now, CancellationToken ct)
    {
        var ids = e.Refunds.Select(r => r.Id).ToList();
        var refunds = await db.Refunds.Where(r => r.OrderId == orderId && r.ProviderRefundId != null
                                                  && ids.Contains(r.ProviderRefundId)).ToListAsync(ct);
        foreach (var refund in refunds)
        {
            var reported = e.Refunds.First(r => r.Id == refund.ProviderRefundId);
            if (reported.Succeeded)
                refund.ProviderAccepted(reported.Id, succeeded: true, now);
            else if (reported.Failed)
                refund.ProviderFailed($"Stripe reports the refund {reported.Status}.", now);
        }

        return refunds.Count == ids.Count
            ? $"{refunds.Count} refund(s) confirmed"
            : $"ignored: {ids.Count - refunds.Count} refund(s) not made by this store (check the Stripe dashboard)";
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Payment event {EventId} ({Type}) {Outcome}")]
    private partial void LogIgnored(string eventId, string type, string outcome);
}

using InternalStore.Application.Common;
using InternalStore.Domain.Settlement;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace InternalStore.Application.Checkout;

/// <summary>
/// Carries out due outbox messages one by one: lease (commit), call out with the message's
/// idempotency key, record the result (commit). Several dispatchers may run at once; a lease held by
/// one makes the others skip the message, and a crash after the call repeats it harmlessly once the
/// lease runs out.
/// </summary>
public sealed record DispatchOutboxCommand(int Limit = 20) : ICommand<int>, IRunsOwnTransactions;

public sealed partial class DispatchOutboxHandler(IStoreDb db, TransactionRunner runner, OutboxLeases leases, IPaymentGateway gateway,
    TimeProvider clock, ILogger<DispatchOutboxHandler> logger) : ICommandHandler<DispatchOutboxCommand, int>
{
    /// <summary>Mail has its own sender (<see cref="Notifications.SendNotificationsCommand"/>), which runs only with a mail server.</summary>
    private static readonly string[] NotMine = [Notifications.Notifier.EmailMessage];

    /// <summary>After this many attempts a refund Stripe keeps refusing is marked failed for finance to handle.</summary>
    private const int MaxAttempts = 8;

    public async ValueTask<int> Handle(DispatchOutboxCommand command, CancellationToken cancellationToken)
    {
        var due = await leases.DueAsync(NotMine, include: false, command.Limit, cancellationToken);
        var done = 0;
        foreach (var id in due)
        {
            var leased = await leases.LeaseAsync(id, cancellationToken);
            if (leased is null)
                continue;

            string? error = null;
            try
            {
                await CarryOutAsync(leased, cancellationToken);
            }
            catch (Exception ex) when (ex is PaymentProviderUnavailableException or PaymentProviderException
                                           or HttpRequestException)
            {
                error = ex.Message;
                LogFailed(ex, leased.Type, leased.Id, leased.Attempts);
            }

            await leases.FinishAsync(id, error, cancellationToken);
            if (error is null)
                done++;
        }

        return done;
    }

    private async Task CarryOutAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        switch (message.Type)
        {
            case Methods.CardMethod.RefundMessage:
                await RefundAsync(Guid.Parse(message.Payload), giveUp: message.Attempts >= MaxAttempts, cancellationToken);
                break;
            case Methods.CardMethod.CancelIntentMessage:
                await CancelIntentAsync(Guid.Parse(message.Payload), cancellationToken);
                break;
            default:
                throw new InvalidOperationException($"No handler for outbox message type '{message.Type}'.");
        }
    }

    private async Task CancelIntentAsync(Guid orderId, CancellationToken cancellationToken)
    {
        var payment = await db.CardPayments.AsNoTracking().FirstOrDefaultAsync(p => p.OrderId == orderId, cancellationToken);
        if (payment?.IntentId is null)
            return;
        var intent = await gateway.CancelIntentAsync(payment.IntentId, $"order:{orderId}:cancel-intent", cancellationToken);
        if (!intent.Canceled)
            return; // it succeeded meanwhile: the webhook refunds a payment for a cancelled order
        await runner.RunAsync(async ct =>
        {
            (await db.CardPayments.FirstAsync(p => p.OrderId == orderId, ct)).Canceled(clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            return true;
        }, cancellationToken);
    }

    private async Task RefundAsync(Guid refundId, bool giveUp, CancellationToken cancellationToken)
    {
        var refund = await db.Refunds.AsNoTracking().FirstAsync(r => r.Id == refundId, cancellationToken);
        if (refund.Status != RefundStatus.Pending)
            return;
        var payment = await db.CardPayments.AsNoTracking().FirstAsync(p => p.OrderId == refund.OrderId, cancellationToken);
        ProviderRefund? made = null;
        string? refused = null;
        try
        {
            made = await gateway.RefundAsync(payment.IntentId!, InternalStore.Pricing.Currencies.ToMinorUnits(refund.Amount, refund.Currency),
                refund.ProviderIdempotencyKey, cancellationToken);
        }
        catch (PaymentDeclinedException ex)
        {
            refused = ex.Message;
        }
        catch (PaymentProviderException ex) when (giveUp)
        {
            refused = ex.Message;
        }

        await runner.RunAsync(async ct =>
        {
            var tracked = await db.Refunds.FirstAsync(r => r.Id == refundId, ct);
            if (made is null)
                tracked.ProviderFailed(refused!, clock.GetUtcNow());
            else if (made.Failed)
                tracked.ProviderFailed($"Stripe reports the refund {made.Status}.", clock.GetUtcNow());
            else
                tracked.ProviderAccepted(made.Id, made.Succeeded, clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            return true;
        }, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox {Type} {MessageId} failed on attempt {Attempt}; it will be retried")]
    private partial void LogFailed(Exception ex, string type, Guid messageId, int attempt);
}

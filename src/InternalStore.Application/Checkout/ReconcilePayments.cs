using InternalStore.Application.Common;
using InternalStore.Domain.Settlement;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace InternalStore.Application.Checkout;

/// <summary>
/// Finds card payments whose outcome the store does not know after <paramref name="OlderThan"/>
/// (a crash between the Stripe call and the commit, a webhook that never came) and asks Stripe:
/// an intent whose id was never recorded is fetched again with the same idempotency key, so it is
/// the same intent, and a settled one is applied as the webhook would have.
/// </summary>
public sealed record ReconcilePaymentsCommand(TimeSpan OlderThan, int Limit = 50) : ICommand<int>, IRunsOwnTransactions;

public sealed partial class ReconcilePaymentsHandler(IStoreDb db, TransactionRunner runner, IPaymentGateway gateway,
    CardPaymentOutcomes outcomes, TimeProvider clock, ILogger<ReconcilePaymentsHandler> logger)
    : ICommandHandler<ReconcilePaymentsCommand, int>
{
    public async ValueTask<int> Handle(ReconcilePaymentsCommand command, CancellationToken cancellationToken)
    {
        if (!gateway.IsConfigured)
            return 0;
        var before = clock.GetUtcNow() - command.OlderThan;
        var unknown = await db.CardPayments.AsNoTracking()
            .Where(p => (p.Status == CardPaymentStatus.Creating || p.Status == CardPaymentStatus.AwaitingConfirmation)
                        && p.UpdatedAt <= before)
            .OrderBy(p => p.UpdatedAt).Take(command.Limit).ToListAsync(cancellationToken);
        var settled = 0;
        foreach (var payment in unknown)
        {
            try
            {
                if (await ReconcileAsync(payment, cancellationToken))
                    settled++;
            }
            catch (Exception ex) when (ex is PaymentProviderUnavailableException or PaymentProviderException)
            {
                LogProviderTrouble(ex, payment.OrderId);
                break;
            }
        }

        return settled;
    }

    private async Task<bool> ReconcileAsync(CardPayment payment, CancellationToken cancellationToken)
    {
        var intent = payment.IntentId is null
            ? await gateway.CreateIntentAsync(payment.OrderId, payment.AmountMinor, payment.Currency, payment.IdempotencyKey,
                cancellationToken)
            : await gateway.GetIntentAsync(payment.IntentId, cancellationToken);
        if (payment.IntentId is null)
            intent = await gateway.GetIntentAsync(intent.Id, cancellationToken);

        return await runner.RunAsync(async ct =>
        {
            var now = clock.GetUtcNow();
            var order = await db.LockOrderAsync(payment.OrderId, ct);
            var recorded = await db.CardPayments.FirstAsync(p => p.OrderId == payment.OrderId, ct);
            var outcome = "still open";
            if (intent.Succeeded && order is not null)
                outcome = await outcomes.SucceededAsync(order, recorded, intent, ct);
            else if (intent.Canceled)
                recorded.Canceled(now);
            else
                recorded.IntentCreated(intent.Id, now);
            await db.SaveChangesAsync(ct);
            LogReconciled(payment.OrderId, intent.Id, intent.Status, outcome);
            return intent.Succeeded;
        }, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reconciled order {OrderId}: intent {IntentId} is {Status}; {Outcome}")]
    private partial void LogReconciled(Guid orderId, string intentId, string status, string outcome);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reconciliation paused at order {OrderId}: the provider is not answering")]
    private partial void LogProviderTrouble(Exception ex, Guid orderId);
}

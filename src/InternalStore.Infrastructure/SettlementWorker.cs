using InternalStore.Application.Checkout;
using InternalStore.Infrastructure.Payments;
using InternalStore.Infrastructure.Persistence;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InternalStore.Infrastructure;

/// <summary>
/// Dispatches the outbox (Stripe refunds and cancellations) and reconciles card payments whose
/// outcome is unknown. Safe with several API processes on one database: messages are leased,
/// payment outcomes only move forward.
/// </summary>
public sealed class SettlementWorker(IServiceScopeFactory scopes, TimeProvider clock, IOptions<StripeOptions> options,
    ILogger<SettlementWorker> logger, DatabaseStartup database) : PeriodicWorker(clock, logger, database)
{
    protected override TimeSpan Interval => TimeSpan.FromSeconds(options.Value.WorkerIntervalSeconds);

    protected override bool RunAtStart => false;

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var sender = scope.ServiceProvider.GetRequiredService<ISender>();
        await sender.Send(new DispatchOutboxCommand(), cancellationToken);
        await sender.Send(new ReconcilePaymentsCommand(TimeSpan.FromSeconds(options.Value.ReconcileAfterSeconds)),
            cancellationToken);
    }
}

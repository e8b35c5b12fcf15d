using InternalStore.Application.Checkout;
using InternalStore.Infrastructure.Payments;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InternalStore.Infrastructure;

/// <summary>
/// Dispatches the outbox (Stripe refunds) and reconciles card payments whose outcome is unknown.
/// Safe with several API processes on one database: messages are leased, outcomes move forward only.
/// </summary>
public sealed partial class SettlementWorker(IServiceScopeFactory scopes, TimeProvider clock,
    IOptions<StripeOptions> options, ILogger<SettlementWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.WorkerIntervalSeconds <= 0)
            return;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.WorkerIntervalSeconds), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var sender = scope.ServiceProvider.GetRequiredService<ISender>();
                await sender.Send(new DispatchOutboxCommand(), stoppingToken);
                await sender.Send(new ReconcilePaymentsCommand(TimeSpan.FromSeconds(options.Value.ReconcileAfterSeconds)),
                    stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Settlement sweep failed; it runs again at the next tick")]
    private partial void LogFailed(Exception exception);
}

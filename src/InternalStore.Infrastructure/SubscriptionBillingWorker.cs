using InternalStore.Application.Checkout;
using InternalStore.Application.Common;
using InternalStore.Application.Subscriptions;
using InternalStore.Domain.Settlement;
using InternalStore.Infrastructure.Persistence;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InternalStore.Infrastructure;

/// <summary>
/// Bills subscriptions on each pay date (the latest pay date on or before today), at start and every
/// interval. A run that finds everything billed charges nothing, so several API processes may run it.
/// </summary>
public sealed partial class SubscriptionBillingWorker(IServiceScopeFactory scopes, TimeProvider clock,
    IOptions<SubscriptionOptions> options, IOptions<PayrollOptions> payroll, ILogger<SubscriptionBillingWorker> logger,
    DatabaseStartup database) : PeriodicWorker(clock, logger, database)
{
    protected override TimeSpan Interval => TimeSpan.FromMinutes(options.Value.BillingIntervalMinutes);

    protected override bool RunAtStart => true;

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        var calendar = new PayrollCalendar(payroll.Value.PeriodsPerMonth);
        var today = DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);
        var payDate = calendar.PayDateOnOrBefore(today);
        await using var scope = scopes.CreateAsyncScope();
        var run = await scope.ServiceProvider.GetRequiredService<ISender>()
            .Send(new BillSubscriptionsCommand(Caller.System, payDate), cancellationToken);
        if (run.Charged > 0)
            LogBilled(run.Charged, payDate, run.Collected, run.Currency);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Billed {Count} subscription charges for pay date {PayDate:yyyy-MM-dd}: {Collected} {Currency} deducted")]
    private partial void LogBilled(int count, DateOnly payDate, decimal collected, string currency);
}

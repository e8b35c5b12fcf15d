using InternalStore.Application.Orders;
using InternalStore.Infrastructure.Persistence;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InternalStore.Infrastructure;

/// <summary>
/// Expires unpaid orders past their hold, releasing their stock and allowance. Several API processes
/// may run it at once: each expiry is its own command, and a lost race re-runs into a no-op.
/// </summary>
public sealed partial class OrderExpiryWorker(IServiceScopeFactory scopes, TimeProvider clock,
    IOptions<OrderOptions> options, ILogger<OrderExpiryWorker> logger, DatabaseStartup database)
    : PeriodicWorker(clock, logger, database)
{
    private const int Batch = 100;

    protected override TimeSpan Interval => TimeSpan.FromSeconds(Math.Max(1, options.Value.ExpirySweepSeconds));

    protected override bool RunAtStart => false;

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        var expired = await SweepAsync(cancellationToken);
        if (expired > 0)
            LogExpired(expired);
    }

    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var now = Clock.GetUtcNow();
        IReadOnlyList<Guid> due;
        await using (var scope = scopes.CreateAsyncScope())
            due = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new DueOrdersQuery(now, Batch), cancellationToken);

        var expired = 0;
        foreach (var id in due)
        {
            await using var scope = scopes.CreateAsyncScope();
            if (await scope.ServiceProvider.GetRequiredService<ISender>().Send(new ExpireOrderCommand(id, now), cancellationToken))
                expired++;
        }

        return expired;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Expired {Count} unpaid orders")]
    private partial void LogExpired(int count);
}

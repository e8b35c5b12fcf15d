using InternalStore.Infrastructure.Persistence;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace InternalStore.Infrastructure;

/// <summary>
/// A background job run every interval until the host stops. A failed round is logged and the job
/// runs again at the next tick: a database or provider hiccup never stops the worker.
/// </summary>
public abstract partial class PeriodicWorker(TimeProvider clock, ILogger logger, DatabaseStartup database) : BackgroundService
{
    protected TimeProvider Clock { get; } = clock;

    /// <summary>Zero or less turns the worker off.</summary>
    protected abstract TimeSpan Interval { get; }

    protected abstract bool RunAtStart { get; }

    protected abstract Task RunOnceAsync(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (Interval <= TimeSpan.Zero)
            return;
        await database.Ready.WaitAsync(stoppingToken); // no round before the database is migrated
        using var timer = new PeriodicTimer(Interval, Clock);
        if (RunAtStart)
            await RunGuardedAsync(stoppingToken);
        while (await timer.WaitForNextTickAsync(stoppingToken))
            await RunGuardedAsync(stoppingToken);
    }

    private async Task RunGuardedAsync(CancellationToken stoppingToken)
    {
        try
        {
            await RunOnceAsync(stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogRoundFailed(ex, GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Worker} failed this round; it runs again at the next tick")]
    private partial void LogRoundFailed(Exception exception, string worker);
}

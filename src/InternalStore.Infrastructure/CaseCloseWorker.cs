using InternalStore.Application.Support;
using InternalStore.Infrastructure.Persistence;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InternalStore.Infrastructure;

/// <summary>Closes help desk cases solved for 7 days without a reply, every <c>Support:CloseSweepMinutes</c>.</summary>
public sealed partial class CaseCloseWorker(IServiceScopeFactory scopes, TimeProvider clock, IOptions<SupportOptions> options,
    ILogger<CaseCloseWorker> logger, DatabaseStartup database) : PeriodicWorker(clock, logger, database)
{
    private const int Batch = 200;

    protected override TimeSpan Interval => TimeSpan.FromMinutes(options.Value.CloseSweepMinutes);

    protected override bool RunAtStart => true;

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var closed = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new CloseSolvedCasesCommand(Clock.GetUtcNow(), Batch),
            cancellationToken);
        if (closed > 0)
            LogClosed(closed);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Closed {Count} cases solved for 7 days")]
    private partial void LogClosed(int count);
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InternalStore.Infrastructure.Persistence;

/// <summary>
/// Migrates and seeds the database (as configured) once per process, on its own thread, so that the
/// rest of start-up (the web server, routes, pages) is built meanwhile. Whatever needs the database
/// awaits <see cref="Ready"/>: the request pipeline holds every request until then, the workers
/// their first round. If it fails the process stops: a store that cannot reach its database must
/// not look healthy.
/// </summary>
public sealed partial class DatabaseStartup(IServiceScopeFactory scopes, IOptions<DatabaseOptions> options,
    ILogger<DatabaseStartup> logger)
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _started;

    /// <summary>Completes when the database is migrated and seeded; faults when that failed.</summary>
    public Task Ready => _ready.Task;

    /// <summary>Starts the work (once); <paramref name="onFailure"/> runs if it fails.</summary>
    public void Start(Action onFailure)
    {
        if (Interlocked.Exchange(ref _started, 1) == 1)
            return;
        _ = Task.Run(async () =>
        {
            try
            {
                await InitializeAsync();
                _ready.TrySetResult();
            }
            catch (Exception ex)
            {
                LogFailed(ex);
                _ready.TrySetException(ex);
                onFailure();
            }
        });
    }

    private async Task InitializeAsync()
    {
        await using var scope = scopes.CreateAsyncScope();
        var initializer = scope.ServiceProvider.GetRequiredService<DatabaseInitializer>();
        if (options.Value.MigrateOnStartup)
            await initializer.MigrateAsync();
        if (options.Value.SeedDemoData)
            await initializer.SeedDemoDataAsync();
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "The database could not be migrated or seeded; the API stops")]
    private partial void LogFailed(Exception exception);
}

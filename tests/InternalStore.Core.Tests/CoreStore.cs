using InternalStore.Infrastructure;
using InternalStore.Infrastructure.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace InternalStore.Core.Tests;

/// <summary>
/// The application's services as the CLI and the workers build them (no web host), on a SQLite file of
/// its own, migrated and seeded with the demo group: handlers are tested through <c>ISender</c>.
/// </summary>
public class CoreStore : IAsyncLifetime
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), "internalstore-tests", $"core-{Guid.NewGuid():N}.db");
    private Microsoft.Extensions.Hosting.IHost? _host;

    public IServiceProvider Services => _host?.Services ?? throw new InvalidOperationException("Not initialised.");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_file)!);
        // Built as the CLI builds its host: the same services, no web server.
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new Microsoft.Extensions.Hosting.HostApplicationBuilderSettings
        {
            EnvironmentName = "Testing",
            ContentRootPath = AppContext.BaseDirectory,
            DisableDefaults = true,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "sqlite",
            ["ConnectionStrings:Store"] = $"Data Source={_file}",
            ["Auth:SigningKey"] = "core-tests-signing-key-0123456789-0123456789",
        });
        builder.Services.AddInfrastructure(builder.Configuration);
        ConfigureServices(builder.Services);
        _host = builder.Build();
        await using var scope = _host.Services.CreateAsyncScope();
        var initializer = scope.ServiceProvider.GetRequiredService<DatabaseInitializer>();
        await initializer.MigrateAsync();
        await initializer.SeedDemoDataAsync();
    }

    /// <summary>What a test adds to the store's own services.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    public async Task DisposeAsync()
    {
        _host?.Dispose();
        await Task.CompletedTask;
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var path in new[] { _file, _file + "-wal", _file + "-shm" })
            File.Delete(path);
    }

    /// <summary>Sends a message in a scope of its own, as one request or one CLI command does.</summary>
    public async Task<T> SendAsync<T>(Mediator.IQuery<T> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Mediator.ISender>().Send(query);
    }

    public async Task<T> SendAsync<T>(Mediator.ICommand<T> command)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Mediator.ISender>().Send(command);
    }
}

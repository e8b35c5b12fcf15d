using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace InternalStore.Infrastructure.Persistence;

/// <summary>Builds the SQLite connection string and sets per-connection pragmas.</summary>
internal static class SqliteConnectionSetup
{
    public static string ConnectionString(string? configured, DatabaseOptions options)
    {
        var builder = new SqliteConnectionStringBuilder(configured);
        if (string.IsNullOrWhiteSpace(builder.DataSource))
        {
            var folder = options.ResolveDataDirectory();
            Directory.CreateDirectory(folder);
            builder.DataSource = Path.Combine(folder, "internalstore.db");
        }
        else if (Path.GetDirectoryName(Path.GetFullPath(builder.DataSource)) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }

        // Foreign keys are switched on by the pragmas below, once per physical connection: the
        // connection-string keyword would run its own pragma on every open of a pooled connection.
        builder.ForeignKeys = null;
        builder.Pooling = true;
        builder.DefaultTimeout = 30;
        return builder.ToString();
    }
}

/// <summary>
/// Every connection waits up to 5 s for a writer instead of failing with SQLITE_BUSY, enforces
/// foreign keys, and uses NORMAL synchronisation, which is durable in WAL mode except on power loss.
/// Pragmas belong to the physical connection, which the pool keeps open between a context's many
/// opens; so they run once per physical connection, not on every open (parsing them each time
/// was a measurable share of a short request).
/// </summary>
internal sealed class SqlitePragmaInterceptor : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;";
    private static readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> Configured = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (!NeedsPragmas(connection, out var handle))
            return;
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
        if (handle is not null)
            Configured.AddOrUpdate(handle, Configured);
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        if (!NeedsPragmas(connection, out var handle))
            return;
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
        if (handle is not null)
            Configured.AddOrUpdate(handle, Configured);
    }

    private static bool NeedsPragmas(DbConnection connection, out SQLitePCL.sqlite3? handle)
    {
        handle = (connection as SqliteConnection)?.Handle;
        return handle is null || !Configured.TryGetValue(handle, out _);
    }
}

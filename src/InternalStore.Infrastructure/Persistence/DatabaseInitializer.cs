using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging;

namespace InternalStore.Infrastructure.Persistence;

/// <summary>Applies migrations and seeds the demo data when asked to.</summary>
public sealed partial class DatabaseInitializer(StoreDbContext db, DemoData demoData, ILogger<DatabaseInitializer> logger)
{
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        // Npgsql learns that the history table is missing by querying it and catching the error, which EF logs
        // as a failed command at the first start: create the (empty) table first, as migrating would.
        await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
        // Migrating also compares the model with the migrations' snapshot, which costs about a second
        // at every start: do it only when a migration is pending.
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            var unknown = (await db.Database.GetAppliedMigrationsAsync(cancellationToken))
                .Except(db.Database.GetMigrations()).ToList();
            if (unknown.Count > 0)
                throw new InvalidOperationException(
                    $"The database was made by an earlier build: it has migrations this build does not know ({string.Join(", ", unknown)}); "
                    + "the migrations were squashed before the first release. Create the database again (delete the SQLite file, or "
                    + "drop and create the PostgreSQL database); the demo data is seeded on start.");
            await db.Database.MigrateAsync(cancellationToken);
        }
        if (db.Database.IsSqlite())
        {
            // WAL is a property of the file: set once, it lets readers work while one writer commits.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);
        }

        LogMigrated(db.Database.ProviderName ?? "?");
    }

    /// <summary>Seeds the demo group when the database has no company yet. Returns true when it seeded.</summary>
    public async Task<bool> SeedDemoDataAsync(CancellationToken cancellationToken = default)
    {
        if (await db.Companies.AnyAsync(cancellationToken))
            return false;
        await demoData.SeedAsync(db, cancellationToken);
        LogSeeded();
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database migrated ({Provider})")]
    private partial void LogMigrated(string provider);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data seeded")]
    private partial void LogSeeded();
}

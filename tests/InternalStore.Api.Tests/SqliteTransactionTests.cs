using InternalStore.Api.Tests.Infrastructure;
using InternalStore.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InternalStore.Api.Tests;

/// <summary>
/// The SQLite store relies on command transactions taking the write lock when they begin
/// (BEGIN IMMEDIATE), so that two commands never interleave their reads and writes.
/// </summary>
public sealed class SqliteTransactionTests(SqliteStoreFactory store) : IClassFixture<SqliteStoreFactory>
{
    [Fact]
    public async Task A_command_transaction_holds_the_write_lock_from_its_start()
    {
        await using var scope = store.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StoreDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();

        await using var other = new SqliteConnection(store.ConnectionString);
        await other.OpenAsync();
        await using (var noWait = other.CreateCommand())
        {
            noWait.CommandText = "PRAGMA busy_timeout = 0;";
            await noWait.ExecuteNonQueryAsync();
        }

        await using var write = other.CreateCommand();
        write.CommandText = "BEGIN IMMEDIATE;";
        write.CommandTimeout = 1; // Microsoft.Data.Sqlite retries a busy database until the command timeout
        var refused = await Assert.ThrowsAsync<SqliteException>(() => write.ExecuteNonQueryAsync());
        Assert.Equal(5, refused.SqliteErrorCode); // SQLITE_BUSY: the EF transaction already holds the write lock
    }

    [Fact]
    public async Task The_database_runs_in_wal_mode()
    {
        await using var scope = store.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StoreDbContext>();

        var mode = await db.Database.SqlQueryRaw<string>("SELECT journal_mode AS Value FROM pragma_journal_mode").SingleAsync();

        Assert.Equal("wal", mode);
    }

    [Fact]
    public async Task Every_open_of_a_pooled_connection_keeps_the_stores_pragmas()
    {
        // The pragmas run once per physical connection; each query below opens and closes the
        // context's connection, and the pool hands the same or another physical one back.
        for (var round = 0; round < 3; round++)
        {
            await using var scope = store.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<StoreDbContext>();
            for (var open = 0; open < 3; open++)
            {
                Assert.Equal(1L, await db.Database.SqlQueryRaw<long>("SELECT foreign_keys AS Value FROM pragma_foreign_keys").SingleAsync());
                Assert.Equal(1L, await db.Database.SqlQueryRaw<long>("SELECT synchronous AS Value FROM pragma_synchronous").SingleAsync());
                Assert.Equal(5000L, await db.Database.SqlQueryRaw<long>("SELECT timeout AS Value FROM pragma_busy_timeout").SingleAsync());
            }

            var orphan = await Assert.ThrowsAsync<SqliteException>(() => db.Database.ExecuteSqlRawAsync(
                "INSERT INTO order_status_changes (\"OrderId\", \"To\", \"By\", \"At\", \"Reason\") VALUES ('00000000-0000-0000-0000-000000000001', 'Paid', 'test', 0, 'orphan')"));
            Assert.Equal(19, orphan.SqliteErrorCode); // SQLITE_CONSTRAINT: the foreign key holds
        }
    }
}

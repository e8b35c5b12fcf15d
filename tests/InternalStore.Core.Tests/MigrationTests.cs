using InternalStore.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InternalStore.Core.Tests;

/// <summary>A database made by a build whose migrations were since squashed is refused with a message that says what to do.</summary>
public sealed class MigrationTests(CoreStore store) : IClassFixture<CoreStore>
{
    [Fact]
    public async Task A_database_with_migrations_this_build_does_not_know_is_refused_plainly()
    {
        await using var scope = store.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StoreDbContext>();
        // As an earlier build left it: its own migration applied, this build's Initial not.
        await db.Database.ExecuteSqlRawAsync(
            "DELETE FROM \"__EFMigrationsHistory\"; INSERT INTO \"__EFMigrationsHistory\" VALUES ('20261125221111_Initial', '10.0.0');");

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync());

        Assert.Contains("20261125221111_Initial", refused.Message);
        Assert.Contains("Create the database again", refused.Message);
        Assert.True(await db.Companies.AnyAsync()); // nothing was touched
    }
}

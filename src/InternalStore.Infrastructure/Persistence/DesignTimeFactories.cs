using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace InternalStore.Infrastructure.Persistence;

/// <summary>Lets <c>dotnet ef migrations add</c> build each provider's context without the host.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteStoreDbContext>
{
    public SqliteStoreDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteStoreDbContext>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresStoreDbContext>
{
    public PostgresStoreDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresStoreDbContext>().UseNpgsql("Host=localhost;Database=design").Options);
}

using InternalStore.Application.Common;
using InternalStore.Domain.Access;
using InternalStore.Domain.Catalog;
using InternalStore.Domain.People;
using Microsoft.EntityFrameworkCore;

namespace InternalStore.Infrastructure.Persistence;

/// <summary>
/// The store's model, shared by both providers. Each provider has its own derived context type so
/// that each keeps its own migrations (see <see cref="SqliteStoreDbContext"/> and
/// <see cref="PostgresStoreDbContext"/>).
/// </summary>
public abstract class StoreDbContext(DbContextOptions options) : DbContext(options), IStoreDb
{
    public DbSet<Product> Products => Set<Product>();
    public DbSet<StockAdjustment> StockAdjustments => Set<StockAdjustment>();
    public DbSet<Company> Companies => Set<Company>();
    public DbSet<CostCenter> CostCenters => Set<CostCenter>();
    public DbSet<Employee> Employees => Set<Employee>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(StoreDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Money: 4 decimals hold unit costs exactly; prices are validated to the currency's minor unit.
        configurationBuilder.Properties<decimal>().HavePrecision(19, 4);
        configurationBuilder.Properties<string>().HaveMaxLength(200);
    }
}

public sealed class SqliteStoreDbContext(DbContextOptions<SqliteStoreDbContext> options) : StoreDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // SQLite has no timestamp type; UTC ticks as integers keep ordering and comparison in SQL.
        configurationBuilder.Properties<DateTimeOffset>()
            .HaveConversion<Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter>();
    }
}

public sealed class PostgresStoreDbContext(DbContextOptions<PostgresStoreDbContext> options) : StoreDbContext(options);

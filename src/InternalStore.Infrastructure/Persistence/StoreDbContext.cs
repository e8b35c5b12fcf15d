using InternalStore.Application.Common;
using InternalStore.Domain.Access;
using InternalStore.Domain.Catalog;
using InternalStore.Domain.People;
using InternalStore.Domain.Pricing;
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
    public DbSet<PolicyVersion> Policies => Set<PolicyVersion>();
    public DbSet<PolicyAuditEntry> PolicyAudit => Set<PolicyAuditEntry>();
    public DbSet<StorePromotion> Promotions => Set<StorePromotion>();
    public DbSet<TransferPricingSettings> TransferPricing => Set<TransferPricingSettings>();

    public abstract Task<List<Product>> LockProductsAsync(IReadOnlyCollection<string> skus,
        CancellationToken cancellationToken);

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
    /// <summary>
    /// SQLite has no row locks: a command's transaction is BEGIN IMMEDIATE (Microsoft.Data.Sqlite's
    /// default), which holds the database's write lock from its start, so commands never interleave.
    /// </summary>
    public override Task<List<Product>> LockProductsAsync(IReadOnlyCollection<string> skus,
        CancellationToken cancellationToken) =>
        Products.Where(p => skus.Contains(p.Sku)).OrderBy(p => p.Sku).ToListAsync(cancellationToken);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // SQLite has no timestamp type; UTC ticks as integers keep ordering and comparison in SQL.
        configurationBuilder.Properties<DateTimeOffset>()
            .HaveConversion<Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter>();
    }
}

public sealed class PostgresStoreDbContext(DbContextOptions<PostgresStoreDbContext> options) : StoreDbContext(options)
{
    public override Task<List<Product>> LockProductsAsync(IReadOnlyCollection<string> skus,
        CancellationToken cancellationToken)
    {
        var keys = skus.ToArray();
        return Products
            .FromSql($"""SELECT * FROM products WHERE "Sku" = ANY({keys}) ORDER BY "Sku" FOR UPDATE""")
            .ToListAsync(cancellationToken);
    }
}

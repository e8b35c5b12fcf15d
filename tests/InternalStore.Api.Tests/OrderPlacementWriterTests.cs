using System.Data.Common;
using InternalStore.Api.Tests.Infrastructure;
using InternalStore.Application.Common;
using InternalStore.Domain.Benefits;
using InternalStore.Domain.Catalog;
using InternalStore.Domain.Ordering;
using InternalStore.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InternalStore.Api.Tests;

/// <summary>
/// Order placement writes its rows with <see cref="IStoreDb.WritePlacedOrderAsync"/> instead of
/// SaveChanges: the same rows must land, byte for byte, with the same concurrency checks and errors.
/// </summary>
public abstract class OrderPlacementWriterTests(StoreFactory store)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 30, 15, 123, TimeSpan.Zero);

    [Fact]
    public async Task Rows_written_directly_are_the_rows_SaveChanges_writes()
    {
        var viaSaveChanges = await PlaceAsync(direct: false);
        var viaDirect = await PlaceAsync(direct: true);

        await using var scope = store.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StoreDbContext>();
        // Everything but the keys and the values made unique per order is stored the same way.
        var different = new HashSet<string> { "Id", "OrderId", "IdempotencyKey", "Sku" };
        AssertSameRows(await RowsAsync(db, "orders", "Id", viaSaveChanges.Order), await RowsAsync(db, "orders", "Id", viaDirect.Order), different);
        AssertSameRows(await RowsAsync(db, "order_lines", "OrderId", viaSaveChanges.Order), await RowsAsync(db, "order_lines", "OrderId", viaDirect.Order), different);
        AssertSameRows(await RowsAsync(db, "order_status_changes", "OrderId", viaSaveChanges.Order),
            await RowsAsync(db, "order_status_changes", "OrderId", viaDirect.Order), different);
        AssertSameRows(await RowsAsync(db, "products", "Sku", viaSaveChanges.Sku), await RowsAsync(db, "products", "Sku", viaDirect.Sku), different);

        var placed = await db.Orders.AsNoTracking().Include(o => o.Lines).Include(o => o.History).AsSplitQuery().SingleAsync(o => o.Id == viaDirect.Order);
        Assert.Equal(2, placed.Lines.Count);
        Assert.All(placed.Lines.Concat<object>(placed.History), row => Assert.True(row switch
        {
            OrderLine line => line.Id > 0,
            OrderStatusChange change => change.Id > 0,
            _ => false,
        }));
        Assert.Equal(7, (await db.Products.AsNoTracking().SingleAsync(p => p.Sku == viaDirect.Sku)).StockOnHand);
    }

    [Fact]
    public async Task A_list_of_skus_is_one_parameter_so_the_sql_is_the_same_for_every_length()
    {
        await using var scope = store.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StoreDbContext>();
        string Sql(List<string> skus) => string.Join('\n', db.Products.Where(p => skus.Contains(p.Sku)).ToQueryString()
            .Split('\n').Where(line => !line.StartsWith(".param", StringComparison.Ordinal) && !line.StartsWith("--", StringComparison.Ordinal)));

        // One cached command per query: EF does not generate the SQL again for each list length.
        Assert.Equal(Sql(["A"]), Sql(["A", "B", "C"]));
        var (first, second) = (await NewProductAsync(), await NewProductAsync());
        await using var tx = await db.Database.BeginTransactionAsync();
        Assert.Equal(new[] { first, second }.Order(), (await db.LockProductsAsync([second, first, "NO-SUCH"], CancellationToken.None)).Select(p => p.Sku));
    }

    [Fact]
    public async Task What_was_written_is_tracked_as_saved_with_the_keys_the_database_gave()
    {
        await using var scope = store.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StoreDbContext>();
        var sku = await NewProductAsync();
        var order = NewOrder(sku, Guid.NewGuid().ToString());
        db.Orders.Add(order);

        Assert.Equal(4, await db.WritePlacedOrderAsync(order, [], null, CancellationToken.None)); // order, two lines, one status change

        Assert.All(db.ChangeTracker.Entries(), e => Assert.Equal(EntityState.Unchanged, e.State));
        Assert.All(order.Lines, l => Assert.True(l.Id > 0));
        Assert.Equal(2, order.Lines.Select(l => l.Id).Distinct().Count());
        Assert.Equal(0, await db.SaveChangesAsync());
    }

    [Fact]
    public async Task Anything_else_pending_is_refused_before_a_row_is_written()
    {
        await using var scope = store.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StoreDbContext>();
        var order = NewOrder(await NewProductAsync(), Guid.NewGuid().ToString());
        db.Orders.Add(order);
        db.Products.Add(Product.Create("PT-STRAY-" + Guid.NewGuid().ToString("N")[..6],
            new ProductDetails("Stray", null, "office", 1m, 0.5m, "EUR", true, true), 1, Now));

        await Assert.ThrowsAsync<InvalidOperationException>(() => db.WritePlacedOrderAsync(order, [], null, CancellationToken.None));
        db.ChangeTracker.Clear();
        Assert.False(await db.Orders.AnyAsync(o => o.Id == order.Id));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)] // the write's own transaction: the order inserted before the stale update goes too
    public async Task A_row_changed_since_it_was_read_is_a_concurrency_conflict_and_nothing_is_written(bool callersTransaction)
    {
        var sku = await NewProductAsync();
        await using var scope = store.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StoreDbContext>();
        var product = await db.Products.SingleAsync(p => p.Sku == sku);
        await using (var other = store.Services.CreateAsyncScope())
        {
            var otherDb = other.ServiceProvider.GetRequiredService<StoreDbContext>();
            (await otherDb.Products.SingleAsync(p => p.Sku == sku)).Reserve(1, Now);
            await otherDb.SaveChangesAsync();
        }

        var transaction = callersTransaction ? await db.Database.BeginTransactionAsync() : null;
        var order = NewOrder(sku, Guid.NewGuid().ToString());
        db.Orders.Add(order);
        product.Reserve(2, Now);
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.WritePlacedOrderAsync(order, [product], null, CancellationToken.None));
        if (transaction is not null)
            await transaction.DisposeAsync(); // rolls back
        Assert.Null(db.Database.CurrentTransaction);

        db.ChangeTracker.Clear();
        Assert.False(await db.Orders.AnyAsync(o => o.Id == order.Id));
        Assert.Equal(9, (await db.Products.AsNoTracking().SingleAsync(p => p.Sku == sku)).StockOnHand);
    }

    [Fact]
    public async Task A_duplicate_key_is_a_unique_violation_like_SaveChanges_reports_it()
    {
        var sku = await NewProductAsync();
        var key = Guid.NewGuid().ToString();
        await using (var scope = store.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StoreDbContext>();
            var first = NewOrder(sku, key);
            db.Orders.Add(first);
            await db.WritePlacedOrderAsync(first, [], null, CancellationToken.None);
        }

        await using (var scope = store.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StoreDbContext>();
            var second = NewOrder(sku, key);
            db.Orders.Add(second);
            var error = await Assert.ThrowsAsync<DbUpdateException>(() => db.WritePlacedOrderAsync(second, [], null, CancellationToken.None));
            Assert.True(scope.ServiceProvider.GetRequiredService<IDatabaseErrors>().IsUniqueViolation(error));
        }
    }

    private async Task<(Guid Order, string Sku)> PlaceAsync(bool direct)
    {
        var sku = await NewProductAsync();
        await using var scope = store.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StoreDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var product = (await db.LockProductsAsync([sku], CancellationToken.None)).Single();
        product.Reserve(3, Now.AddMinutes(1));
        var order = NewOrder(sku, "same-key-" + Guid.NewGuid().ToString("N")[..8]);
        db.Orders.Add(order);
        if (direct)
            await db.WritePlacedOrderAsync(order, [product], null, CancellationToken.None);
        else
            await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return (order.Id, sku);
    }

    private async Task<string> NewProductAsync()
    {
        var sku = "DW-" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        await using var scope = store.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StoreDbContext>();
        db.Products.Add(Product.Create(sku, new ProductDetails("Direct write item", null, "office", 19.99m, 7.125m, "EUR", true, true),
            10, Now));
        await db.SaveChangesAsync();
        return sku;
    }

    /// <summary>An order that sets every kind of column: nullable ones set and unset, decimals with many places, enums, times.</summary>
    private static Order NewOrder(string sku, string key)
    {
        var first = new OrderLine(sku, "Direct write item", 2, 19.99m, 16.9915m, 33.98m, 6.00m, 1.2345m,
            """{"steps":[{"kind":"list","amount":19.99}]}""", 7.125m);
        first.PricedForBenefits(19.99m, SupplyKind.Goods);
        var second = new OrderLine(sku, "Direct write item, again", 1, 19.99m, 19.99m, 19.99m, 0m, 0m, "{}");
        // The placement reserves from a detached copy: the tests move the tracked product's stock themselves.
        var stock = Product.Create(sku, new ProductDetails("Direct write item", null, "office", 19.99m, 7.125m, "EUR", true, true),
            10, Now);
        return Order.Place(new OrderPlacement(BuyerKind.Employee, "E1001", "ABC", "ABC", null, "EUR", [first, second],
            new Dictionary<string, Product> { [sku] = stock }, new AllowanceLedger("E1001", 2026), Now,
            TimeSpan.FromMinutes(30), key, new string('a', 64)));
    }

    private static async Task<List<Dictionary<string, object?>>> RowsAsync(StoreDbContext db, string table, string column, object value)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM {table} WHERE \"{column}\" = @value ORDER BY 1";
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@value";
            parameter.Value = value is Guid id && db.Database.IsSqlite() ? id.ToString().ToUpperInvariant() : value;
            command.Parameters.Add(parameter);
            var rows = new List<Dictionary<string, object?>>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                rows.Add(Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, i => reader.IsDBNull(i) ? null : reader.GetValue(i)));
            return rows;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static void AssertSameRows(List<Dictionary<string, object?>> expected, List<Dictionary<string, object?>> actual,
        HashSet<string> different)
    {
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].Keys.Order(), actual[i].Keys.Order());
            foreach (var (name, value) in expected[i].Where(c => !different.Contains(c.Key)))
            {
                Assert.True(Equals(value, actual[i][name]) && value?.GetType() == actual[i][name]?.GetType(),
                    $"{name}: SaveChanges stored {value} ({value?.GetType().Name}), the direct write {actual[i][name]} ({actual[i][name]?.GetType().Name})");
            }
        }
    }
}

public sealed class OrderPlacementWriterTestsOnSqlite(SqliteStoreFactory store) : OrderPlacementWriterTests(store), IClassFixture<SqliteStoreFactory>;

public sealed class OrderPlacementWriterTestsOnPostgres(PostgresStoreFactory store) : OrderPlacementWriterTests(store), IClassFixture<PostgresStoreFactory>;

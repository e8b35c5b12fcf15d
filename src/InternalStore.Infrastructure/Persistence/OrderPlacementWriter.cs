using System.Data.Common;
using InternalStore.Domain.Catalog;
using InternalStore.Domain.Ordering;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage;

namespace InternalStore.Infrastructure.Persistence;

/// <summary>
/// Writes a placed order's rows with SQL written out here: the order, its lines and its first
/// status change inserted, the reserved products' stock and the buyer's ledger updated under their
/// concurrency tokens. Values are bound through EF Core's type mappings for each column, so they are
/// stored exactly as SaveChanges stores them (a test compares the rows on both databases).
/// </summary>
/// <remarks>
/// Why not SaveChanges: on PostgreSQL it cost more API CPU per order in every one of four
/// alternating runs (1281-1720 µs against 1025-1214 µs; docs/benchmarks.md, item 14), because it
/// works out its commands, batches and SQL again on every call. This path's SQL is fixed text.
/// A column added to one of these tables must be added to its list here: the row comparison
/// with SaveChanges fails until it is.
/// </remarks>
internal static class OrderPlacementWriter
{
    private static readonly string[] OrderColumns =
    [
        "Id", "AllowanceReserved", "AllowanceYear", "BuyerId", "BuyerKind", "CheckoutHash", "CheckoutKey", "Company",
        "CostCenter", "Currency", "DiscountTotal", "ExpiresAt", "HeldUntilSettled", "IdempotencyKey", "PaidAt",
        "PaymentMethod", "PlacedAt", "RefundedAmount", "RequestHash", "SellerCompany", "Status", "Subtotal", "Version",
    ];

    private static readonly string[] LineColumns =
    [
        "OrderId", "AllowanceTaken", "Discount", "Explanation", "ExternalUnitPrice", "LineTotal", "ListPrice", "Name",
        "Quantity", "RefundedAmount", "RefundedQuantity", "Sku", "SupplyKind", "UnitCost", "UnitPrice",
    ];

    private static readonly string[] ChangeColumns = ["OrderId", "At", "By", "From", "Reason", "To"];

    // The same text on SQLite and PostgreSQL: both quote identifiers with " and take RETURNING.
    private static readonly string InsertOrder = Insert("orders", OrderColumns, returning: null);
    private static readonly string InsertLine = Insert("order_lines", LineColumns, returning: "Id");
    private static readonly string InsertChange = Insert("order_status_changes", ChangeColumns, returning: "Id");

    private const string UpdateProduct =
        """UPDATE products SET "StockOnHand" = @p0, "UpdatedAt" = @p1, "Version" = @p2 WHERE "Sku" = @p3 AND "Version" = @p4 RETURNING 1""";

    private const string UpdateLedger =
        """UPDATE allowance_ledgers SET "Reserved" = @p0, "Version" = @p1 WHERE "EmployeeId" = @p2 AND "Year" = @p3 AND "Version" = @p4 RETURNING 1""";

    private static string Insert(string table, string[] columns, string? returning) =>
        $"INSERT INTO {table} ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) "
        + $"VALUES ({string.Join(", ", columns.Select((_, i) => $"@p{i}"))}) RETURNING {(returning is null ? "1" : $"\"{returning}\"")}";

    /// <summary>
    /// Writes the order's rows in the caller's transaction (or one of its own), then marks every one
    /// of them saved. Anything else the context tracks as changed is a bug: it would not be written.
    /// </summary>
    /// <returns>How many rows were written.</returns>
    public static async Task<int> WriteAsync(StoreDbContext db, Order order, IReadOnlyCollection<Product> reserved,
        AllowanceLedger? ledger, CancellationToken cancellationToken)
    {
        db.ChangeTracker.DetectChanges();
        // Once is enough: with automatic detection on, every Entry() and Entries() below (the cache
        // marking's included) would scan the tracked graph again (docs/benchmarks.md, item 13).
        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            return await WriteDetectedAsync(db, order, reserved, ledger, cancellationToken);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    private static async Task<int> WriteDetectedAsync(StoreDbContext db, Order order, IReadOnlyCollection<Product> reserved,
        AllowanceLedger? ledger, CancellationToken cancellationToken)
    {
        var orderEntry = db.Entry(order);
        var lineEntries = order.Lines.Select(l => db.Entry(l)).ToList();
        var changeEntries = order.History.Select(h => db.Entry(h)).ToList();
        var productEntries = reserved.Select(p => db.Entry(p)).Where(e => e.State == EntityState.Modified).ToList();
        var ledgerEntry = ledger is null ? null : db.Entry(ledger);
        var ours = new HashSet<object>([order, .. order.Lines, .. order.History, .. reserved]);
        if (ledger is not null)
            ours.Add(ledger);
        var stray = db.ChangeTracker.Entries()
            .FirstOrDefault(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && !ours.Contains(e.Entity));
        if (stray is not null)
            throw new InvalidOperationException($"Placing an order writes only its own rows; a {stray.Metadata.ShortName()} is {stray.State}.");

        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var statements = new List<(string Sql, DbParameter[] Parameters, string What)>();
            await using (var factory = connection.CreateCommand())
            {
                statements.Add((InsertOrder, Values(factory, orderEntry, OrderColumns), "order"));
                statements.AddRange(lineEntries.Select(e => (InsertLine, Values(factory, e, LineColumns), "order line")));
                statements.AddRange(changeEntries.Select(e => (InsertChange, Values(factory, e, ChangeColumns), "status change")));
                statements.AddRange(productEntries.Select(e => (UpdateProduct, Values(factory, e,
                    ["StockOnHand", "UpdatedAt", "Version"], keys: ["Sku"], tokens: ["Version"]), "product")));
                if (ledgerEntry is { State: EntityState.Modified })
                    statements.Add((UpdateLedger, Values(factory, ledgerEntry,
                        ["Reserved", "Version"], keys: ["EmployeeId", "Year"], tokens: ["Version"]), "allowance ledger"));
            }

            CacheInvalidationInterceptor.Marking(db);
            var returned = await ExecuteAsync(connection, db.Database.CurrentTransaction!.GetDbTransaction(), statements,
                cancellationToken);
            var generated = lineEntries.Cast<EntityEntry>().Concat(changeEntries).ToList();
            for (var i = 0; i < generated.Count; i++)
            {
                var id = generated[i].Property("Id");
                id.CurrentValue = Convert.ToInt64(returned[1 + i], System.Globalization.CultureInfo.InvariantCulture);
                id.IsTemporary = false;
            }

            if (own is not null)
                await own.CommitAsync(cancellationToken);
            db.ChangeTracker.AcceptAllChanges();
            CacheInvalidationInterceptor.Written(db);
            return statements.Count;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Each statement returns one row; the first value of each is kept (the generated ids).</summary>
    private static async Task<List<object>> ExecuteAsync(DbConnection connection, DbTransaction transaction,
        List<(string Sql, DbParameter[] Parameters, string What)> statements, CancellationToken cancellationToken)
    {
        var returned = new List<object>(statements.Count);
        try
        {
            if (connection.CanCreateBatch)
            {
                // One round trip for all rows (PostgreSQL).
                await using var batch = connection.CreateBatch();
                batch.Transaction = transaction;
                foreach (var (text, parameters, _) in statements)
                {
                    var command = batch.CreateBatchCommand();
                    command.CommandText = text;
                    command.Parameters.AddRange(parameters);
                    batch.BatchCommands.Add(command);
                }

                await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
                for (var i = 0; i < statements.Count; i++)
                {
                    if (i > 0 && !await reader.NextResultAsync(cancellationToken))
                        throw NothingReturned(statements[i].What);
                    returned.Add(await FirstValueAsync(reader, statements[i].What, cancellationToken));
                }
            }
            else
            {
                // In-process SQLite: a round trip costs nothing, and each command binds only its own parameters.
                foreach (var (text, parameters, what) in statements)
                {
                    await using var command = connection.CreateCommand();
                    command.Transaction = transaction;
                    command.CommandText = text;
                    command.Parameters.AddRange(parameters);
                    await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                    returned.Add(await FirstValueAsync(reader, what, cancellationToken));
                }
            }
        }
        catch (DbException ex)
        {
            // As SaveChanges reports it, so that a unique-key race is retried the same way.
            throw new DbUpdateException($"Writing the order's {statements.Count} row(s) failed: {ex.Message}", ex);
        }

        return returned;
    }

    private static async Task<object> FirstValueAsync(DbDataReader reader, string what, CancellationToken cancellationToken) =>
        await reader.ReadAsync(cancellationToken) ? reader.GetValue(0) : throw NothingReturned(what);

    /// <summary>An UPDATE that matched no row found its concurrency token changed: someone else wrote the row.</summary>
    private static DbUpdateConcurrencyException NothingReturned(string what) =>
        new DbUpdateConcurrencyException($"The {what} row was changed by someone else meanwhile.");

    /// <summary>
    /// The parameters @p0.. for <paramref name="columns"/> (current values), then the
    /// <paramref name="keys"/> (current) and the <paramref name="tokens"/> (original values).
    /// </summary>
    private static DbParameter[] Values(DbCommand factory, EntityEntry entry, string[] columns, string[]? keys = null,
        string[]? tokens = null)
    {
        var parameters = new List<DbParameter>(columns.Length + (keys?.Length ?? 0) + (tokens?.Length ?? 0));
        foreach (var column in columns)
            parameters.Add(Parameter(factory, parameters.Count, entry, column, entry.Property(column).CurrentValue));
        foreach (var key in keys ?? [])
            parameters.Add(Parameter(factory, parameters.Count, entry, key, entry.Property(key).CurrentValue));
        foreach (var token in tokens ?? [])
            parameters.Add(Parameter(factory, parameters.Count, entry, token, entry.Property(token).OriginalValue));
        return [.. parameters];
    }

    private static DbParameter Parameter(DbCommand factory, int index, EntityEntry entry, string column, object? value)
    {
        var property = entry.Metadata.FindProperty(column)
            ?? throw new InvalidOperationException($"{entry.Metadata.ShortName()} has no property {column}.");
        return property.GetRelationalTypeMapping().CreateParameter(factory, "@p" + index, value, property.IsNullable);
    }
}

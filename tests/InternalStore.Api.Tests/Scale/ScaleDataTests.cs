using System.Security.Cryptography;
using System.Text;
using InternalStore.Api.Tests.Infrastructure;
using InternalStore.Application.Policies;
using InternalStore.Domain.Ordering;
using InternalStore.Domain.Settlement;
using InternalStore.Infrastructure;
using InternalStore.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace InternalStore.Api.Tests.Scale;

/// <summary>
/// The scale generator, small (1 000 employees, 20 000 orders): what it writes holds the store's own
/// invariants (stock, allowance ledgers, deduction schedules, chargebacks and invoices against their
/// orders, card payments, benefits); the bulk writer writes the rows SaveChanges would; and a seed
/// gives the same data twice.
/// </summary>
public abstract class ScaleDataTests
{
    private const int Orders = 20_000;
    private static readonly DateOnly Until = new(2026, 11, 30);

    /// <summary>A database migrated and seeded with the demo data (a copy of a template made once: migrating costs seconds).</summary>
    protected abstract Task<(string Provider, string ConnectionString)> NewDatabaseAsync();

    protected static IHost HostFor(string provider, string connection, Action<IServiceCollection>? services = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            EnvironmentName = "Testing", ContentRootPath = AppContext.BaseDirectory, DisableDefaults = true,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider,
            ["ConnectionStrings:Store"] = connection,
            ["Auth:SigningKey"] = StoreFactory.SigningKey,
        });
        builder.Services.AddInfrastructure(builder.Configuration);
        services?.Invoke(builder.Services);
        return builder.Build();
    }

    /// <summary>Migrates and seeds the demo data, as <c>seed-scale</c> does first.</summary>
    protected static async Task PrepareAsync(string provider, string connection)
    {
        using var host = HostFor(provider, connection);
        await using var scope = host.Services.CreateAsyncScope();
        var initializer = scope.ServiceProvider.GetRequiredService<DatabaseInitializer>();
        await initializer.MigrateAsync();
        await initializer.SeedDemoDataAsync();
    }

    protected static readonly DateOnly Day = Until;

    protected async Task<IHost> SeededAsync(ScaleOptions options, Action<IServiceCollection>? services = null)
    {
        var (provider, connection) = await NewDatabaseAsync();
        var host = HostFor(provider, connection, services);
        await using var scope = host.Services.CreateAsyncScope();
        await host.Services.GetRequiredService<ScaleData>().SeedAsync(scope.ServiceProvider.GetRequiredService<StoreDbContext>(), options,
            null, CancellationToken.None);
        return host;
    }

    [Fact]
    public async Task A_generated_group_holds_the_store_s_invariants_and_a_simulation_over_it_holds_one_page_of_orders()
    {
        var reads = new OrdersPerQuery();
        using var host = await SeededAsync(new ScaleOptions(1_000, 300, Orders, 3, 7, Until),
            services => services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(reads));
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StoreDbContext>();
        var orders = await db.Orders.AsNoTracking().Include(o => o.Lines).Where(o => o.IdempotencyKey.StartsWith("scale-")).ToListAsync();

        Assert.Equal(Orders, orders.Count);
        Assert.All(orders, o => Assert.NotEmpty(o.Lines));
        Assert.Equal(1_000, await db.Employees.CountAsync(e => e.Id.StartsWith("N0")));
        Assert.InRange(await db.Employees.CountAsync(e => e.Id.StartsWith("N0") && e.TerminationDate != null), 20, 200);
        foreach (var kind in Enum.GetValues<BuyerKind>())
            Assert.Contains(orders, o => o.BuyerKind == kind);
        foreach (var method in new[] { PaymentMethod.Payroll, PaymentMethod.Card, PaymentMethod.Chargeback, PaymentMethod.Invoice })
            Assert.Contains(orders, o => o.PaymentMethod == method);
        Assert.Contains(orders, o => o.Status == OrderStatus.Cancelled);
        Assert.Contains(orders, o => o.Status == OrderStatus.PartiallyRefunded);
        Assert.Contains(orders, o => o.Status == OrderStatus.Fulfilled);
        Assert.True(orders.Min(o => o.PlacedAt) < new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero)); // years of history

        // Stock: each product started with the same stock and lost what every order not cancelled took.
        var sold = orders.Where(o => o.Status != OrderStatus.Cancelled).SelectMany(o => o.Lines)
            .GroupBy(l => l.Sku).ToDictionary(g => g.Key, g => g.Sum(l => l.Quantity));
        var products = await db.Products.AsNoTracking().Where(p => p.Sku.StartsWith("SC-")).ToListAsync();
        Assert.Equal(300, products.Count);
        Assert.All(products, p => Assert.Equal(ScaleData.InitialStock, p.StockOnHand + sold.GetValueOrDefault(p.Sku)));

        // Allowance: used is what the year's paid orders took less what refunds gave back; nothing is left reserved.
        var refunds = await db.Refunds.AsNoTracking().Include(r => r.Lines).ToListAsync();
        var restored = refunds.GroupBy(r => r.OrderId).ToDictionary(g => g.Key, g => g.Sum(r => r.AllowanceRestored));
        var ledgers = await db.AllowanceLedgers.AsNoTracking().Where(l => l.EmployeeId.StartsWith("N0")).ToListAsync();
        var employeeOrders = orders.Where(o => o.BuyerKind == BuyerKind.Employee && o.Status != OrderStatus.Cancelled)
            .GroupBy(o => (o.BuyerId, o.AllowanceYear)).ToDictionary(g => g.Key, g => g.ToList());
        Assert.NotEmpty(ledgers);
        foreach (var ledger in ledgers)
        {
            var taken = employeeOrders.GetValueOrDefault((ledger.EmployeeId, ledger.Year)) ?? [];
            Assert.Equal(taken.Sum(o => o.AllowanceReserved - restored.GetValueOrDefault(o.Id)), ledger.Used);
            Assert.Equal(0m, ledger.Reserved);
            Assert.InRange(ledger.Used, 0m, 1500m);
        }

        // Deductions: each payroll order has one schedule whose live deductions are what is still owed.
        var schedules = await db.PayrollSchedules.AsNoTracking().Include(s => s.Deductions).ToDictionaryAsync(s => s.OrderId);
        foreach (var order in orders.Where(o => o.PaymentMethod == PaymentMethod.Payroll))
            Assert.Equal(order.Total - order.RefundedAmount, schedules[order.Id].Live.Sum(d => d.Amount));

        // Statements: chargebacks and invoices stand for their orders, to the cent; invoices are settled when their order is paid.
        var journal = await db.JournalEntries.AsNoTracking().Where(j => j.Memo.StartsWith("Order ") || j.Memo.StartsWith("Invoice SC")).ToListAsync();
        var byOrder = orders.ToDictionary(o => o.Id);
        Assert.Equal(orders.Count(o => o.PaymentMethod == PaymentMethod.Chargeback), journal.Count(j => j.Kind == JournalKind.Chargeback));
        Assert.All(journal, j => Assert.Equal(byOrder[j.OrderId].Total, j.Amount));
        var invoices = await db.Invoices.AsNoTracking().Where(i => i.Number.StartsWith("SC")).ToListAsync();
        Assert.Equal(orders.Count(o => o.PaymentMethod == PaymentMethod.Invoice), invoices.Count);
        Assert.All(invoices, i => Assert.Equal(byOrder[i.OrderId!.Value].Total, i.Total));
        Assert.All(invoices, i => Assert.Equal(i.Status == InvoiceStatus.Settled, byOrder[i.OrderId!.Value].PaidAt is not null));
        Assert.Equal(invoices.Count, invoices.Select(i => i.Number).Distinct().Count());

        // Card payments succeeded for the order's amount; every paid employee line booked its benefit.
        var cards = await db.CardPayments.AsNoTracking().ToDictionaryAsync(c => c.OrderId);
        foreach (var order in orders.Where(o => o.PaymentMethod == PaymentMethod.Card))
            Assert.Equal(InternalStore.Pricing.Currencies.ToMinorUnits(order.Total, order.Currency), cards[order.Id].AmountMinor);
        var benefitLines = await db.BenefitEntries.AsNoTracking().CountAsync(b => b.EmployeeId.StartsWith("N0"));
        Assert.Equal(orders.Where(o => o.BuyerKind == BuyerKind.Employee && o.PaidAt != null).Sum(o => o.Lines.Count), benefitLines);

        // The policy simulation over a year of it (the seeding is the costly part, so it is checked here):
        // it re-prices every employee order of the window, yet no query holds more than a page of them.
        var policy = await db.Policies.AsNoTracking().Where(p => p.CompanyCode == "JKL").Select(p => p.Id).FirstAsync();
        var since = DateTimeOffset.UtcNow.AddDays(-366);
        var counted = Order.PurchaseStatuses.ToList();
        var inWindow = await db.Orders.CountAsync(o => o.BuyerKind == BuyerKind.Employee && counted.Contains(o.Status) && o.PlacedAt >= since);
        reads.Reset();
        var simulation = await scope.ServiceProvider.GetRequiredService<Mediator.ISender>().Send(new SimulatePolicyQuery(
            new InternalStore.Application.Common.Caller("H0001", new HashSet<string> { InternalStore.Application.Common.Roles.Hr }, "JKL"), policy, 366));
        Assert.InRange(inWindow, 3 * SimulationWindow.PageSize, Orders);
        Assert.Equal(inWindow, simulation.OrdersRepriced);
        Assert.InRange(reads.Most, 1, SimulationWindow.PageSize + 5); // a page, and the orders of its last second
    }

    [Fact]
    public async Task The_bulk_writer_writes_the_rows_save_changes_would()
    {
        var options = new ScaleOptions(200, 50, 1_000, 2, 5, Day);
        var bulk = await FingerprintAsync(await SeededAsync(options));
        Assert.Equal(bulk, await FingerprintAsync(await SeededAsync(options with { Writer = ScaleWriter.SaveChanges })));
    }

    private static readonly System.Text.RegularExpressions.Regex Guids = new(
        "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /// <summary>
    /// A hash of every row of every table as the database holds it (the provider's own values, so a
    /// value bound differently shows), less the random ids the domain gives its rows and the keys the
    /// database numbers.
    /// </summary>
    protected static async Task<string> FingerprintAsync(IHost seeded)
    {
        using var host = seeded;
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StoreDbContext>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var text = new StringBuilder();
        foreach (var table in db.Model.GetEntityTypes().Select(t => t.GetTableName()).OfType<string>().Distinct().Order(StringComparer.Ordinal))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await command.ExecuteReaderAsync();
            var rows = new List<string>();
            while (await reader.ReadAsync())
            {
                var row = new StringBuilder();
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    if (reader.GetName(i) == "Id")
                        continue;
                    var value = reader.GetValue(i) switch
                    {
                        Guid => "guid",
                        byte[] bytes => Convert.ToHexString(bytes),
                        IFormattable formattable => formattable.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
                        var other => Guids.Replace(other.ToString() ?? "", "guid"),
                    };
                    row.Append(reader.GetName(i)).Append('=').Append(value).Append('|');
                }

                rows.Add(row.ToString());
            }

            text.AppendLine(table);
            foreach (var row in rows.Order(StringComparer.Ordinal))
                text.AppendLine(row);
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}

public sealed class ScaleDataTestsOnSqlite : ScaleDataTests
{
    [Fact]
    public async Task A_seed_gives_the_same_data_twice_and_another_seed_other_data()
    {
        var options = new ScaleOptions(200, 50, 1_000, 2, 11, Day);
        var first = await FingerprintAsync(await SeededAsync(options));
        Assert.Equal(first, await FingerprintAsync(await SeededAsync(options)));
        Assert.NotEqual(first, await FingerprintAsync(await SeededAsync(options with { Seed = 12 })));
    }

    private static readonly Lazy<Task<string>> Template = new(async () =>
    {
        var file = NewFile();
        await PrepareAsync("sqlite", $"Data Source={file};Pooling=False");
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={file};Pooling=False");
        await connection.OpenAsync();
        await using var checkpoint = connection.CreateCommand();
        checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);"; // everything in the file itself, so a copy of it is the database
        await checkpoint.ExecuteNonQueryAsync();
        return file;
    });

    protected override async Task<(string Provider, string ConnectionString)> NewDatabaseAsync()
    {
        var file = NewFile();
        File.Copy(await Template.Value, file);
        return ("sqlite", $"Data Source={file}");
    }

    private static string NewFile()
    {
        var file = Path.Combine(Path.GetTempPath(), "internalstore-tests", $"scale-{Guid.NewGuid():N}.db");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        return file;
    }
}

public sealed class ScaleDataTestsOnPostgres : ScaleDataTests
{
    private static readonly Lazy<Task<string>> Template = new(async () =>
    {
        var server = await PostgresServer.InstanceAsync();
        var connection = await server.CreateDatabaseAsync();
        await PrepareAsync("postgres", connection);
        Npgsql.NpgsqlConnection.ClearPool(new Npgsql.NpgsqlConnection(connection)); // a template has no open connection
        return new Npgsql.NpgsqlConnectionStringBuilder(connection).Database!;
    });

    protected override async Task<(string Provider, string ConnectionString)> NewDatabaseAsync()
    {
        var server = await PostgresServer.InstanceAsync();
        var template = await Template.Value;
        var name = "scale_" + Guid.NewGuid().ToString("N")[..16];
        await using (var admin = new Npgsql.NpgsqlConnection(server.ConnectionString("postgres")))
        {
            await admin.OpenAsync();
            await using var create = new Npgsql.NpgsqlCommand($"CREATE DATABASE {name} TEMPLATE {template}", admin);
            await create.ExecuteNonQueryAsync();
        }

        return ("postgres", server.ConnectionString(name));
    }
}

/// <summary>The most orders one query of a context materialised since <see cref="Reset"/>: what a reader held at once.</summary>
internal sealed class OrdersPerQuery : Microsoft.EntityFrameworkCore.Diagnostics.IMaterializationInterceptor,
    Microsoft.EntityFrameworkCore.Diagnostics.IDbCommandInterceptor
{
    private int _current;

    public int Most { get; private set; }

    public void Reset() => (_current, Most) = (0, 0);

    public System.Data.Common.DbDataReader ReaderExecuted(System.Data.Common.DbCommand command,
        Microsoft.EntityFrameworkCore.Diagnostics.CommandExecutedEventData eventData, System.Data.Common.DbDataReader result)
    {
        _current = 0;
        return result;
    }

    public ValueTask<System.Data.Common.DbDataReader> ReaderExecutedAsync(System.Data.Common.DbCommand command,
        Microsoft.EntityFrameworkCore.Diagnostics.CommandExecutedEventData eventData, System.Data.Common.DbDataReader result,
        CancellationToken cancellationToken = default)
    {
        _current = 0;
        return ValueTask.FromResult(result);
    }

    public object InitializedInstance(Microsoft.EntityFrameworkCore.Diagnostics.MaterializationInterceptionData materializationData, object entity)
    {
        if (entity is Order)
            Most = Math.Max(Most, ++_current);
        return entity;
    }
}

using InternalStore.Application.Common;
using InternalStore.Domain.Access;
using InternalStore.Domain.Catalog;
using InternalStore.Domain.Ordering;
using InternalStore.Domain.People;
using InternalStore.Domain.Pricing;
using InternalStore.Domain.Settlement;
using Microsoft.EntityFrameworkCore;

namespace InternalStore.Infrastructure.Persistence;

/// <summary>
/// The store's model, shared by both providers. Each provider has its own derived context type so
/// that each keeps its own migrations (see <see cref="SqliteStoreDbContext"/> and
/// <see cref="PostgresStoreDbContext"/>).
/// </summary>
public abstract class StoreDbContext(DbContextOptions options) : DbContext(options), IStoreDb,
    Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.IDataProtectionKeyContext
{
    /// <summary>The key ring of cookies and antiforgery tokens, shared by every instance of the API (docs/deploy.md).</summary>
    public DbSet<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey> DataProtectionKeys =>
        Set<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey>();

    public DbSet<Product> Products => Set<Product>();
    public DbSet<StockAdjustment> StockAdjustments => Set<StockAdjustment>();
    public DbSet<Company> Companies => Set<Company>();
    public DbSet<CostCenter> CostCenters => Set<CostCenter>();
    public DbSet<Employee> Employees => Set<Employee>();
    public DbSet<EmployeeAuditEntry> EmployeeAudit => Set<EmployeeAuditEntry>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<ScimToken> ScimTokens => Set<ScimToken>();
    public DbSet<PolicyVersion> Policies => Set<PolicyVersion>();
    public DbSet<PolicyAuditEntry> PolicyAudit => Set<PolicyAuditEntry>();
    public DbSet<StorePromotion> Promotions => Set<StorePromotion>();
    public DbSet<TransferPricingSettings> TransferPricing => Set<TransferPricingSettings>();
    public DbSet<Order> Orders => Set<Order>();
    public DbSet<AllowanceLedger> AllowanceLedgers => Set<AllowanceLedger>();
    public DbSet<CardPayment> CardPayments => Set<CardPayment>();
    public DbSet<WebhookEvent> WebhookEvents => Set<WebhookEvent>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<PayrollSchedule> PayrollSchedules => Set<PayrollSchedule>();
    public DbSet<PayrollDeduction> PayrollDeductions => Set<PayrollDeduction>();
    public DbSet<JournalEntry> JournalEntries => Set<JournalEntry>();
    public DbSet<IntercompanyInvoice> Invoices => Set<IntercompanyInvoice>();
    public DbSet<Refund> Refunds => Set<Refund>();
    public DbSet<Domain.Benefits.BenefitEntry> BenefitEntries => Set<Domain.Benefits.BenefitEntry>();
    public DbSet<Domain.Benefits.GrossProfitRate> GrossProfitRates => Set<Domain.Benefits.GrossProfitRate>();
    public DbSet<Domain.Shopping.Cart> Carts => Set<Domain.Shopping.Cart>();
    public DbSet<Domain.Negotiation.QuoteRequest> QuoteRequests => Set<Domain.Negotiation.QuoteRequest>();
    public DbSet<Domain.Negotiation.NegotiationSettings> NegotiationSettings => Set<Domain.Negotiation.NegotiationSettings>();
    public DbSet<Domain.Negotiation.PriceAgreement> PriceAgreements => Set<Domain.Negotiation.PriceAgreement>();
    public DbSet<Domain.Subscriptions.ServicePlan> ServicePlans => Set<Domain.Subscriptions.ServicePlan>();
    public DbSet<Domain.Subscriptions.Subscription> Subscriptions => Set<Domain.Subscriptions.Subscription>();
    public DbSet<Domain.Subscriptions.SubscriptionCharge> SubscriptionCharges => Set<Domain.Subscriptions.SubscriptionCharge>();
    public DbSet<Domain.InternalServices.InternalService> InternalServices => Set<Domain.InternalServices.InternalService>();
    public DbSet<Domain.InternalServices.UsageEntry> UsageEntries => Set<Domain.InternalServices.UsageEntry>();
    public DbSet<Domain.InternalServices.AccountingPeriod> AccountingPeriods => Set<Domain.InternalServices.AccountingPeriod>();
    public DbSet<Domain.InternalServices.CostAllocationSetting> CostAllocationSettings => Set<Domain.InternalServices.CostAllocationSetting>();
    public DbSet<Domain.InternalServices.StatementDispute> StatementDisputes => Set<Domain.InternalServices.StatementDispute>();
    public DbSet<Domain.InternalServices.StatementAcceptance> StatementAcceptances => Set<Domain.InternalServices.StatementAcceptance>();
    public DbSet<Domain.Support.SupportCase> SupportCases => Set<Domain.Support.SupportCase>();
    public DbSet<Domain.Support.SupportCalendarSetting> SupportCalendars => Set<Domain.Support.SupportCalendarSetting>();
    public DbSet<Domain.Notifications.Notification> Notifications => Set<Domain.Notifications.Notification>();

    public abstract Task<List<Product>> LockProductsAsync(IReadOnlyCollection<string> skus,
        CancellationToken cancellationToken);

    public Task<int> WritePlacedOrderAsync(Order order, IReadOnlyCollection<Product> reserved, AllowanceLedger? ledger,
        CancellationToken cancellationToken) => OrderPlacementWriter.WriteAsync(this, order, reserved, ledger, cancellationToken);

    /// <summary>Set by <see cref="CacheInvalidationInterceptor"/> until the change that made the read cache stale commits.</summary>
    internal HashSet<CacheRegion> CachedRegionsChanged { get; } = [];

    public async Task<AllowanceLedger> LockAllowanceLedgerAsync(string employeeId, int year,
        CancellationToken cancellationToken)
    {
        var ledger = await LockLedgerRowAsync(employeeId, year, cancellationToken);
        if (ledger is not null)
            return ledger;
        // A first order of the year creates the row; a concurrent first order loses on the key and
        // is run again by the transaction behavior, finding the row this time.
        AllowanceLedgers.Add(new AllowanceLedger(employeeId, year));
        await SaveChangesAsync(cancellationToken);
        return await LockLedgerRowAsync(employeeId, year, cancellationToken)
            ?? throw new InvalidOperationException("The allowance ledger vanished.");
    }

    public async Task<Domain.InternalServices.AccountingPeriod> LockAccountingPeriodAsync(string company,
        Domain.InternalServices.AccountingMonth month, CancellationToken cancellationToken)
    {
        var key = month.ToString();
        var period = await LockPeriodRowAsync(company, key, cancellationToken);
        if (period is not null)
            return period;
        // The month's first entry creates the row; a concurrent first entry loses on the key and runs again.
        AccountingPeriods.Add(new Domain.InternalServices.AccountingPeriod(company, month));
        await SaveChangesAsync(cancellationToken);
        return await LockPeriodRowAsync(company, key, cancellationToken)
            ?? throw new InvalidOperationException("The accounting period vanished.");
    }

    protected virtual Task<Domain.InternalServices.AccountingPeriod?> LockPeriodRowAsync(string company, string month,
        CancellationToken cancellationToken) =>
        AccountingPeriods.FirstOrDefaultAsync(p => p.Company == company && p.Month == month, cancellationToken);

    public async Task<Order?> LockOrderAsync(Guid id, CancellationToken cancellationToken)
    {
        var order = await LockOrderRowAsync(id, cancellationToken);
        if (order is null)
            return null;
        await Entry(order).Collection(o => o.Lines).LoadAsync(cancellationToken);
        await Entry(order).Collection(o => o.History).LoadAsync(cancellationToken);
        return order;
    }

    public async Task<Order?> LockOrderByIntentAsync(string intentId, CancellationToken cancellationToken)
    {
        var orderId = await CardPayments.Where(p => p.IntentId == intentId).Select(p => (Guid?)p.OrderId)
            .FirstOrDefaultAsync(cancellationToken);
        return orderId is { } id ? await LockOrderAsync(id, cancellationToken) : null;
    }

    protected abstract Task<Order?> LockOrderRowAsync(Guid id, CancellationToken cancellationToken);

    protected abstract Task<AllowanceLedger?> LockLedgerRowAsync(string employeeId, int year,
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

    protected override Task<AllowanceLedger?> LockLedgerRowAsync(string employeeId, int year,
        CancellationToken cancellationToken) =>
        AllowanceLedgers.FirstOrDefaultAsync(l => l.EmployeeId == employeeId && l.Year == year, cancellationToken);

    protected override Task<Order?> LockOrderRowAsync(Guid id, CancellationToken cancellationToken) =>
        Orders.FirstOrDefaultAsync(o => o.Id == id, cancellationToken);

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

    protected override async Task<Order?> LockOrderRowAsync(Guid id, CancellationToken cancellationToken) =>
        (await Orders.FromSql($"""SELECT * FROM orders WHERE "Id" = {id} FOR UPDATE""").ToListAsync(cancellationToken))
        .SingleOrDefault();

    protected override async Task<AllowanceLedger?> LockLedgerRowAsync(string employeeId, int year,
        CancellationToken cancellationToken) =>
        (await AllowanceLedgers
            .FromSql($"""SELECT * FROM allowance_ledgers WHERE "EmployeeId" = {employeeId} AND "Year" = {year} FOR UPDATE""")
            .ToListAsync(cancellationToken)).SingleOrDefault();

    protected override async Task<Domain.InternalServices.AccountingPeriod?> LockPeriodRowAsync(string company, string month,
        CancellationToken cancellationToken) =>
        (await AccountingPeriods
            .FromSql($"""SELECT * FROM accounting_periods WHERE "Company" = {company} AND "Month" = {month} FOR UPDATE""")
            .ToListAsync(cancellationToken)).SingleOrDefault();
}

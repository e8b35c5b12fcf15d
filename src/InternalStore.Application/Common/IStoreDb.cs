using InternalStore.Domain.Access;
using InternalStore.Domain.Catalog;
using InternalStore.Domain.Ordering;
using InternalStore.Domain.People;
using InternalStore.Domain.Pricing;
using InternalStore.Domain.Settlement;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace InternalStore.Application.Common;

/// <summary>The store's unit of work. Implemented by the EF Core context of the chosen provider.</summary>
public interface IStoreDb
{
    DbSet<Product> Products { get; }
    DbSet<StockAdjustment> StockAdjustments { get; }
    DbSet<Company> Companies { get; }
    DbSet<CostCenter> CostCenters { get; }
    DbSet<Employee> Employees { get; }
    DbSet<EmployeeAuditEntry> EmployeeAudit { get; }
    DbSet<ApiKey> ApiKeys { get; }
    DbSet<ScimToken> ScimTokens { get; }
    DbSet<PolicyVersion> Policies { get; }
    DbSet<PolicyAuditEntry> PolicyAudit { get; }
    DbSet<StorePromotion> Promotions { get; }
    DbSet<TransferPricingSettings> TransferPricing { get; }
    DbSet<Order> Orders { get; }
    DbSet<AllowanceLedger> AllowanceLedgers { get; }
    DbSet<CardPayment> CardPayments { get; }
    DbSet<WebhookEvent> WebhookEvents { get; }
    DbSet<OutboxMessage> OutboxMessages { get; }
    DbSet<PayrollSchedule> PayrollSchedules { get; }
    DbSet<PayrollDeduction> PayrollDeductions { get; }
    DbSet<JournalEntry> JournalEntries { get; }
    DbSet<IntercompanyInvoice> Invoices { get; }
    DbSet<Refund> Refunds { get; }
    DbSet<Domain.Benefits.BenefitEntry> BenefitEntries { get; }
    DbSet<Domain.Benefits.GrossProfitRate> GrossProfitRates { get; }
    DbSet<Domain.Shopping.Cart> Carts { get; }
    DbSet<Domain.Negotiation.QuoteRequest> QuoteRequests { get; }
    DbSet<Domain.Negotiation.NegotiationSettings> NegotiationSettings { get; }
    DbSet<Domain.Negotiation.PriceAgreement> PriceAgreements { get; }
    DbSet<Domain.Subscriptions.ServicePlan> ServicePlans { get; }
    DbSet<Domain.Subscriptions.Subscription> Subscriptions { get; }
    DbSet<Domain.Subscriptions.SubscriptionCharge> SubscriptionCharges { get; }
    DbSet<Domain.InternalServices.InternalService> InternalServices { get; }
    DbSet<Domain.InternalServices.UsageEntry> UsageEntries { get; }
    DbSet<Domain.InternalServices.AccountingPeriod> AccountingPeriods { get; }
    DbSet<Domain.InternalServices.CostAllocationSetting> CostAllocationSettings { get; }
    DbSet<Domain.InternalServices.StatementDispute> StatementDisputes { get; }
    DbSet<Domain.InternalServices.StatementAcceptance> StatementAcceptances { get; }
    DbSet<Domain.Support.SupportCase> SupportCases { get; }
    DbSet<Domain.Support.SupportCalendarSetting> SupportCalendars { get; }
    DbSet<Domain.Notifications.Notification> Notifications { get; }

    /// <summary>
    /// Loads products for a change that must not interleave with another (stock moves): the rows stay
    /// locked until the command's transaction ends. Rows come back in SKU order, so that two commands
    /// locking several rows cannot deadlock.
    /// </summary>
    Task<List<Product>> LockProductsAsync(IReadOnlyCollection<string> skus, CancellationToken cancellationToken);

    /// <summary>
    /// Loads (creating it if needed) an employee's allowance ledger for a year, locked like
    /// <see cref="LockProductsAsync"/>: concurrent orders of one employee take turns.
    /// </summary>
    Task<AllowanceLedger> LockAllowanceLedgerAsync(string employeeId, int year, CancellationToken cancellationToken);

    /// <summary>
    /// Loads (creating it if needed) a company's accounting month, locked like <see cref="LockProductsAsync"/>:
    /// usage recorded in the month and the month's close take turns.
    /// </summary>
    Task<Domain.InternalServices.AccountingPeriod> LockAccountingPeriodAsync(string company, Domain.InternalServices.AccountingMonth month,
        CancellationToken cancellationToken);

    /// <summary>An order with its lines and history, locked for a state change; null when there is none.</summary>
    Task<Order?> LockOrderAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>The order that holds a PaymentIntent, locked like <see cref="LockOrderAsync"/>.</summary>
    Task<Order?> LockOrderByIntentAsync(string intentId, CancellationToken cancellationToken);

    DatabaseFacade Database { get; }
    ChangeTracker ChangeTracker { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Saves a just-placed order like <see cref="SaveChangesAsync"/> would (same rows, same concurrency
    /// checks and exceptions, all or nothing): the order, its lines and status change, the reserved
    /// products and the buyer's ledger, with SQL written out for them. Nothing else may be pending.
    /// </summary>
    Task<int> WritePlacedOrderAsync(Domain.Ordering.Order order, IReadOnlyCollection<Domain.Catalog.Product> reserved,
        Domain.Ordering.AllowanceLedger? ledger, CancellationToken cancellationToken);
}

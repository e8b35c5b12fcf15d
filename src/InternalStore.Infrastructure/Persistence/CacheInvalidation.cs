using System.Data.Common;
using InternalStore.Application.Common;
using InternalStore.Domain.Access;
using InternalStore.Domain.Catalog;
using InternalStore.Domain.Ordering;
using InternalStore.Domain.People;
using InternalStore.Domain.Pricing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace InternalStore.Infrastructure.Persistence;

/// <summary>
/// Empties a region of the <see cref="ReadCache"/> when a save changes what it holds: once when the
/// rows are written and again when their transaction commits, so that nothing read in between
/// survives. Stock moves do not count: quotes do not read stock, and orders read it fresh. Orders and
/// allowance ledgers empty only the buyers' usage region.
/// </summary>
internal sealed class CacheInvalidationInterceptor(ReadCache cache) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private static readonly HashSet<string> StockProperties =
        [nameof(Product.StockOnHand), nameof(Product.Version), nameof(Product.UpdatedAt)];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Mark(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Mark(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Flush(eventData.Context, committed: eventData.Context?.Database.CurrentTransaction is null);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        Flush(eventData.Context, committed: eventData.Context?.Database.CurrentTransaction is null);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        Flush(eventData.Context, committed: true);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        Flush(eventData.Context, committed: true);
        return Task.CompletedTask;
    }

    /// <summary>What <see cref="SavingChanges"/> does, for rows written without SaveChanges (<see cref="OrderPlacementWriter"/>).</summary>
    internal static void Marking(StoreDbContext context) => Mark(context);

    /// <summary>What <see cref="SavedChanges"/> does, for rows written without SaveChanges.</summary>
    internal static void Written(StoreDbContext context) =>
        context.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.Interceptors?
            .OfType<CacheInvalidationInterceptor>().FirstOrDefault()
            ?.Flush(context, committed: context.Database.CurrentTransaction is null);

    private static void Mark(DbContext? context)
    {
        if (context is not StoreDbContext store)
            return;
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (RegionChangedBy(entry) is { } region)
                store.CachedRegionsChanged.Add(region);
        }
    }

    private void Flush(DbContext? context, bool committed)
    {
        if (context is not StoreDbContext { CachedRegionsChanged.Count: > 0 } store)
            return;
        foreach (var region in store.CachedRegionsChanged)
            cache.Invalidate(region);
        if (committed)
            store.CachedRegionsChanged.Clear();
    }

    private static CacheRegion? RegionChangedBy(EntityEntry entry) =>
        entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted) ? null
        : entry.Entity switch
        {
            Product when entry.State != EntityState.Modified
                         || entry.Properties.Any(p => p.IsModified && !StockProperties.Contains(p.Metadata.Name)) => CacheRegion.Rules,
            PolicyVersion or StorePromotion or TransferPricingSettings or ApiKey or ScimToken or Company or CostCenter or Employee
                or StockAdjustment or Domain.Negotiation.PriceAgreement or Domain.Negotiation.NegotiationSettings
                or Domain.Subscriptions.ServicePlan => CacheRegion.Rules,
            Order or OrderLine or AllowanceLedger => CacheRegion.Usage,
            _ => null,
        };
}

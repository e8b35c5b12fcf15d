using System.Data.Common;
using InternalStore.Application.Common;
using InternalStore.Domain.Access;
using InternalStore.Domain.Catalog;
using InternalStore.Domain.People;
using InternalStore.Domain.Pricing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace InternalStore.Infrastructure.Persistence;

/// <summary>
/// Empties the <see cref="ReadCache"/> when a save changes what it holds: once when the rows are
/// written and again when their transaction commits, so that nothing read in between survives.
/// Stock moves do not count: quotes do not read stock, and orders read it fresh.
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

    private static void Mark(DbContext? context)
    {
        if (context is StoreDbContext store && context.ChangeTracker.Entries().Any(Changes))
            store.CachedDataChanged = true;
    }

    private void Flush(DbContext? context, bool committed)
    {
        if (context is not StoreDbContext { CachedDataChanged: true } store)
            return;
        cache.Invalidate();
        if (committed)
            store.CachedDataChanged = false;
    }

    private static bool Changes(EntityEntry entry) => entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
        && entry.Entity switch
        {
            Product => entry.State != EntityState.Modified
                       || entry.Properties.Any(p => p.IsModified && !StockProperties.Contains(p.Metadata.Name)),
            PolicyVersion or StorePromotion or TransferPricingSettings or ApiKey or Company or CostCenter or Employee
                or StockAdjustment => true,
            _ => false,
        };
}

using InternalStore.Domain.Settlement;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace InternalStore.Api.Tests.Infrastructure;

/// <summary>
/// Fails the next save that records a PaymentIntent's id, as if the process died right after
/// Stripe answered and before the database committed.
/// </summary>
public sealed class CommitFault : SaveChangesInterceptor
{
    private int _armed;

    public void FailNextIntentRecord() => Interlocked.Exchange(ref _armed, 1);

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        var recordsIntent = eventData.Context?.ChangeTracker.Entries<CardPayment>()
            .Any(e => e.State == EntityState.Modified && e.Entity.IntentId is not null) == true;
        if (recordsIntent && Interlocked.CompareExchange(ref _armed, 0, 1) == 1)
            throw new InvalidOperationException("Simulated crash between the Stripe call and the commit.");
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }
}

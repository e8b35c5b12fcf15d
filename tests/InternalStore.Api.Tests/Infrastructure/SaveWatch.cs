using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace InternalStore.Api.Tests.Infrastructure;

/// <summary>Records the most entities any one context was tracking when it saved: work done in batches stays small.</summary>
public sealed class SaveWatch : SaveChangesInterceptor
{
    private int _mostTracked;

    public int MostTracked => Volatile.Read(ref _mostTracked);

    public void Reset() => Interlocked.Exchange(ref _mostTracked, 0);

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        var tracked = eventData.Context?.ChangeTracker.Entries().Count() ?? 0;
        int seen;
        while (tracked > (seen = Volatile.Read(ref _mostTracked)) && Interlocked.CompareExchange(ref _mostTracked, tracked, seen) != seen)
        {
        }

        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }
}

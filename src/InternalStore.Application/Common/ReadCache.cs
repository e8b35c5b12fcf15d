using System.Collections.Concurrent;
using InternalStore.Application.Pricing;
using Microsoft.Extensions.Options;

namespace InternalStore.Application.Common;

/// <summary>
/// In-process cache of what quotes and authentication read on every request and rarely changes:
/// pricing rules (policy in force, promotions, markups), catalog facts, employees, storefront keys.
/// This process empties it the moment a command commits a change to any of those (see the store's
/// save interceptor); another API process on the same database sees the change when its entries run
/// out, after <see cref="PricingOptions.CacheSeconds"/>. Orders take only the rules from it: the
/// buyer, the products (stock) and the allowance ledger of an order are read and locked fresh.
/// </summary>
public sealed class ReadCache(TimeProvider clock, IOptions<PricingOptions> options)
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private long _generation;

    private sealed record Entry(object? Value, long Generation, DateTimeOffset Expires);

    public bool Enabled => options.Value.CacheSeconds > 0;

    public async ValueTask<T> GetOrAddAsync<T>(string key, Func<CancellationToken, Task<T>> load,
        CancellationToken cancellationToken)
    {
        if (!Enabled)
            return await load(cancellationToken);
        var now = clock.GetUtcNow();
        var generation = Interlocked.Read(ref _generation);
        if (_entries.TryGetValue(key, out var entry) && entry.Generation == generation && entry.Expires > now)
            return (T)entry.Value!;
        var value = await load(cancellationToken);
        // A value read while a change committed belongs to the old generation and is not kept.
        if (Interlocked.Read(ref _generation) == generation)
            _entries[key] = new Entry(value, generation, now.AddSeconds(options.Value.CacheSeconds));
        return value;
    }

    /// <summary>Drops every entry: called after a commit that changed cached data.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        _entries.Clear();
    }
}

using System.Collections.Concurrent;
using InternalStore.Application.Pricing;
using Microsoft.Extensions.Options;

namespace InternalStore.Application.Common;

/// <summary>What a cache entry depends on, so a change empties only the entries it can make wrong.</summary>
public enum CacheRegion
{
    /// <summary>Pricing rules (policy in force, promotions, markups), catalog facts, employees, storefront keys.</summary>
    Rules,

    /// <summary>What buyers have used: allowance ledgers and past purchases (orders change them all day).</summary>
    Usage,
}

/// <summary>
/// In-process cache of what quotes and authentication read on every request and rarely changes:
/// pricing rules (policy in force, promotions, markups), catalog facts, employees, storefront keys;
/// and, in a region of its own, what employee quotes read about the buyer's use (allowance taken,
/// past purchases). This process empties a region the moment a command commits a change to what it
/// holds (see the store's save interceptor); another API process on the same database sees the
/// change when its entries run out, after <see cref="PricingOptions.CacheSeconds"/>. Orders take only
/// the rules from it: the buyer, the products (stock) and the allowance ledger of an order are read
/// and locked fresh, so a quote that used a stale allowance is refused when ordered, never honoured.
/// </summary>
public sealed class ReadCache(TimeProvider clock, IOptions<PricingOptions> options)
{
    // One dictionary per region, so emptying a region (every committed order empties Usage) is one
    // Clear, never a walk over the other regions' entries.
    private readonly Region[] _regions = [.. Enum.GetValues<CacheRegion>().Select(_ => new Region())];

    private sealed class Region
    {
        public readonly ConcurrentDictionary<string, Entry> Entries = new(StringComparer.Ordinal);
        public long Generation;
    }

    private sealed record Entry(object? Value, long Generation, DateTimeOffset Expires);

    public bool Enabled => options.Value.CacheSeconds > 0;

    public async ValueTask<T> GetOrAddAsync<T>(string key, Func<CancellationToken, Task<T>> load,
        CancellationToken cancellationToken, CacheRegion region = CacheRegion.Rules)
    {
        if (!Enabled)
            return await load(cancellationToken);
        var cached = _regions[(int)region];
        var now = clock.GetUtcNow();
        var generation = Interlocked.Read(ref cached.Generation);
        if (cached.Entries.TryGetValue(key, out var entry) && entry.Generation == generation && entry.Expires > now)
            return (T)entry.Value!;
        var value = await load(cancellationToken);
        // A value read while a change committed belongs to the old generation and is not kept.
        if (Interlocked.Read(ref cached.Generation) == generation)
            cached.Entries[key] = new Entry(value, generation, now.AddSeconds(options.Value.CacheSeconds));
        return value;
    }

    /// <summary>Drops every entry of a region: called after a commit that changed what it holds.</summary>
    public void Invalidate(CacheRegion region)
    {
        var cached = _regions[(int)region];
        Interlocked.Increment(ref cached.Generation);
        cached.Entries.Clear();
    }
}

using InternalStore.Application.Pricing;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace InternalStore.Application.Common;

/// <summary>What a cache entry depends on, so a change empties only the entries it can make wrong.</summary>
public enum CacheRegion
{
    /// <summary>Pricing rules (policy in force, promotions, markups), catalog facts, employees, storefront keys, the org chart.</summary>
    Rules,

    /// <summary>What buyers have used: allowance ledgers and past purchases (orders change them all day).</summary>
    Usage,
}

/// <summary>
/// In-process cache of what quotes and authentication read on every request and rarely changes:
/// pricing rules (policy in force, promotions, markups), catalog facts, employees, storefront keys,
/// the org chart; and, in a region of its own, what employee quotes read about the buyer's use
/// (allowance taken, past purchases). Each region is a <see cref="MemoryCache"/> bounded to
/// <see cref="PricingOptions.CacheEntries"/> entries whose entries expire after
/// <see cref="PricingOptions.CacheSeconds"/>. A miss (a null answer: an unknown SKU, API key or
/// person) is never kept, so callers cannot fill the cache with keys of their choosing. This process
/// empties a region the moment a command commits a change to what it holds (see the store's save
/// interceptor); another API process on the same database sees the change when its entries expire.
/// Orders take only the rules from it: the buyer, the products (stock) and the allowance ledger of
/// an order are read and locked fresh.
/// </summary>
public sealed class ReadCache : IDisposable
{
    private readonly Region[] _regions;
    private readonly PricingOptions _options;

    public ReadCache(TimeProvider clock, IOptions<PricingOptions> options)
    {
        _options = options.Value;
        _regions = [.. Enum.GetValues<CacheRegion>().Select(_ => new Region(clock, _options.CacheEntries))];
    }

    private sealed class Region(TimeProvider clock, int entries) : IDisposable
    {
        public readonly MemoryCache Entries = new(new MemoryCacheOptions
        {
            SizeLimit = Math.Max(1, entries),
            Clock = new SystemClockOf(clock),
        });

        public long Generation;

        public void Dispose() => Entries.Dispose();
    }

#pragma warning disable CS0618 // MemoryCacheOptions.Clock takes the older ISystemClock; the store's TimeProvider drives it.
    private sealed class SystemClockOf(TimeProvider clock) : Microsoft.Extensions.Internal.ISystemClock
    {
        public DateTimeOffset UtcNow => clock.GetUtcNow();
    }
#pragma warning restore CS0618

    public bool Enabled => _options.CacheSeconds > 0;

    /// <summary>Entries held in a region now (for tests and diagnostics).</summary>
    public int Count(CacheRegion region) => _regions[(int)region].Entries.Count;

    public async ValueTask<T> GetOrAddAsync<T>(string key, Func<CancellationToken, Task<T>> load,
        CancellationToken cancellationToken, CacheRegion region = CacheRegion.Rules)
    {
        if (!Enabled)
            return await load(cancellationToken);
        var cached = _regions[(int)region];
        var generation = Interlocked.Read(ref cached.Generation);
        if (cached.Entries.TryGetValue(key, out var hit) && hit is Entry entry && entry.Generation == generation)
            return (T)entry.Value;
        var value = await load(cancellationToken);
        // A value read while a change committed belongs to the old generation and is not kept; nor is a miss.
        if (value is not null && Interlocked.Read(ref cached.Generation) == generation)
        {
            cached.Entries.Set(key, new Entry(value, generation), new MemoryCacheEntryOptions
            {
                Size = 1,
                AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(_options.CacheSeconds),
            });
        }

        return value;
    }

    /// <summary>Drops every entry of a region: called after a commit that changed what it holds.</summary>
    public void Invalidate(CacheRegion region)
    {
        var cached = _regions[(int)region];
        Interlocked.Increment(ref cached.Generation);
        cached.Entries.Clear();
    }

    public void Dispose()
    {
        foreach (var region in _regions)
            region.Dispose();
    }

    private sealed record Entry(object Value, long Generation);
}

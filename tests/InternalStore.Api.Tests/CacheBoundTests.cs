using System.Net;
using InternalStore.Api.Tests.Infrastructure;
using InternalStore.Application.Common;
using Microsoft.Extensions.DependencyInjection;

namespace InternalStore.Api.Tests;

/// <summary>Callers cannot grow the process's memory through the read cache: misses are not kept, and every region is bounded.</summary>
public sealed class CacheBoundTests(SqliteSmallCacheStoreFactory store) : IClassFixture<SqliteSmallCacheStoreFactory>
{
    private ReadCache Cache => store.Services.GetRequiredService<ReadCache>();

    private static async Task InBatchesAsync(int count, Func<int, Task> send)
    {
        for (var start = 0; start < count; start += 50)
            await Task.WhenAll(Enumerable.Range(start, Math.Min(50, count - start)).Select(send));
    }

    [Fact]
    public async Task Ten_thousand_unknown_api_keys_and_skus_leave_the_cache_within_its_bound()
    {
        var anonymous = store.CreateClient();
        var employee = store.ClientFor(Identity.Employee);
        var before = Cache.Count(CacheRegion.Rules);

        await InBatchesAsync(10_000, async i =>
        {
            using var keyed = new HttpRequestMessage(HttpMethod.Get, "/api/products/LAP-13");
            keyed.Headers.Add("X-Api-Key", $"isk_unknown_{i:D6}_{Guid.NewGuid():N}");
            using (var refused = await anonymous.SendAsync(keyed))
                Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            using var quote = await employee.PostJsonAsync("/api/quotes", new { lines = new[] { new { sku = $"NOPE-{i:D6}", quantity = 1 } } });
            Assert.Equal(HttpStatusCode.BadRequest, quote.StatusCode);
        });

        // Misses are not kept: the region holds what it held (rules, the employee, the org chart), not 20 000 misses.
        Assert.True(Cache.Count(CacheRegion.Rules) <= Math.Max(before, 10) + 5, $"{before} -> {Cache.Count(CacheRegion.Rules)}");
        Assert.True(Cache.Count(CacheRegion.Rules) <= SqliteSmallCacheStoreFactory.Entries);
    }

    [Fact]
    public async Task Distinct_catalog_searches_fill_the_cache_only_up_to_its_bound_and_still_answer()
    {
        var client = store.ClientFor(Identity.Employee);
        await InBatchesAsync(2_000, async i =>
        {
            using var page = await client.GetAsync($"/api/products?q=term{i}&page=1");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        });

        Assert.InRange(Cache.Count(CacheRegion.Rules), 1, SqliteSmallCacheStoreFactory.Entries);
        Assert.InRange(Cache.Count(CacheRegion.Usage), 0, SqliteSmallCacheStoreFactory.Entries);
    }
}

using System.Runtime.CompilerServices;
using InternalStore.Application.Common;
using InternalStore.Domain.Benefits;
using InternalStore.Domain.Ordering;
using InternalStore.Domain.People;
using InternalStore.Pricing;
using Microsoft.EntityFrameworkCore;

namespace InternalStore.Application.Policies;

/// <summary>
/// The employee orders a simulation re-prices, oldest first, a page at a time by key (the time placed),
/// with the buyers and products each page brings loaded once and kept. What it holds grows with the
/// people and products in the window, never with its orders.
/// </summary>
public sealed class SimulationWindow(IStoreDb db, IReadOnlyList<string> companies, DateTimeOffset since)
{
    /// <summary>Orders held at once (their lines with them).</summary>
    public const int PageSize = 1_000;

    private readonly Dictionary<string, CatalogItem> _items = new(StringComparer.Ordinal);
    private readonly HashSet<string> _unknown = new(StringComparer.Ordinal);

    public Dictionary<string, Employee> Employees { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, SupplyKind> SupplyKinds { get; } = new(StringComparer.Ordinal);

    public PricingCatalog Catalog { get; private set; } = new([]);

    public async IAsyncEnumerable<IReadOnlyList<Order>> PagesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var counted = Order.PurchaseStatuses.ToList();
        var orders = db.Orders.AsNoTracking().Include(o => o.Lines)
            .Where(o => o.BuyerKind == BuyerKind.Employee && companies.Contains(o.Company) && counted.Contains(o.Status));
        var after = since;
        var first = true;
        while (true)
        {
            var from = after;
            var page = await (first ? orders.Where(o => o.PlacedAt >= from) : orders.Where(o => o.PlacedAt > from))
                .OrderBy(o => o.PlacedAt).Take(PageSize).ToListAsync(cancellationToken);
            var full = page.Count == PageSize;
            if (full)
            {
                // The page may have cut an instant in two: that instant's orders are read whole, on their own.
                var last = page[^1].PlacedAt;
                page.RemoveAll(o => o.PlacedAt == last);
                page.AddRange(await orders.Where(o => o.PlacedAt == last).ToListAsync(cancellationToken));
                (after, first) = (last, false);
            }

            if (page.Count > 0)
            {
                await LoadAsync(page, cancellationToken);
                yield return page;
            }

            if (!full)
                yield break;
        }
    }

    private async Task LoadAsync(List<Order> page, CancellationToken cancellationToken)
    {
        var buyers = page.Select(o => o.BuyerId).Where(id => !Employees.ContainsKey(id) && !_unknown.Contains(id)).Distinct().ToList();
        if (buyers.Count > 0)
        {
            foreach (var employee in await db.Employees.AsNoTracking().Where(e => buyers.Contains(e.Id)).ToListAsync(cancellationToken))
                Employees[employee.Id] = employee;
            _unknown.UnionWith(buyers.Where(id => !Employees.ContainsKey(id)));
        }

        var skus = page.SelectMany(o => o.Lines).Select(l => l.Sku).Where(sku => !_items.ContainsKey(sku) && !_unknown.Contains(sku))
            .Distinct().ToList();
        if (skus.Count == 0)
            return;
        foreach (var p in await db.Products.AsNoTracking().Where(p => skus.Contains(p.Sku)).ToListAsync(cancellationToken))
        {
            _items[p.Sku] = new CatalogItem(p.Sku, p.Category, p.ListPrice, p.UnitCost, p.EmployeeDiscount);
            SupplyKinds[p.Sku] = p.SupplyKind;
        }

        _unknown.UnionWith(skus.Where(sku => !_items.ContainsKey(sku)));
        Catalog = new PricingCatalog(_items.Values);
    }
}

/// <summary>The largest changes (by size; the earliest first among equals), a few kept while all are counted.</summary>
internal sealed class LargestChanges(int keep)
{
    private readonly PriorityQueue<OrderChangeDto, (decimal Size, long Sequence)> _smallestFirst = new();

    public int Count { get; private set; }

    public void Add(OrderChangeDto change)
    {
        // Among equal sizes the later change is the "smaller" one: it goes first, as a stable sort would drop it.
        _smallestFirst.Enqueue(change, (Math.Abs(change.Change), -Count));
        Count++;
        if (_smallestFirst.Count > keep)
            _smallestFirst.Dequeue();
    }

    public IReadOnlyList<OrderChangeDto> Largest() =>
        _smallestFirst.UnorderedItems.OrderByDescending(x => x.Priority).Select(x => x.Element).ToList();
}

using InternalStore.Application.Common;
using InternalStore.Domain.InternalServices;
using InternalStore.Domain.Pricing;
using Microsoft.EntityFrameworkCore;

namespace InternalStore.Application.InternalServices;

/// <summary>
/// Prices usage by the one markup policy of the group: inside a company a service is charged at its
/// rate (an allocation at cost); to another group company at the rate plus the intercompany markup of
/// the transfer-pricing settings, as affiliates' goods are. Before a month closes the same rule gives
/// a preview from today's rate card; the close fixes it.
/// </summary>
public sealed class UsagePricing(IStoreDb db)
{
    public async Task<decimal> IntercompanyMarkupAsync(CancellationToken ct) =>
        await db.TransferPricing.AsNoTracking().Where(t => t.Id == TransferPricingSettings.SingletonId)
            .Select(t => (decimal?)t.IntercompanyMarkupPercent).FirstOrDefaultAsync(ct) ?? 0m;

    public static decimal MarkupFor(UsageEntry entry, decimal intercompanyMarkup) => entry.Intercompany ? intercompanyMarkup : 0m;

    /// <summary>The services (with their rate cards) behind some entries.</summary>
    public async Task<Dictionary<string, InternalService>> ServicesOfAsync(IEnumerable<UsageEntry> entries, CancellationToken ct)
    {
        var ids = entries.Select(e => e.ServiceId).Distinct().ToList();
        return await db.InternalServices.AsNoTracking().Include(s => s.Rates).Where(s => ids.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, StringComparer.Ordinal, ct);
    }

    /// <summary>Each entry with its unit rate and amount: fixed once priced, else as the rate card makes it now.</summary>
    public async Task<List<(UsageEntry Entry, decimal? UnitRate, decimal Amount, decimal Cost)>> PreviewAsync(
        IReadOnlyCollection<UsageEntry> entries, CancellationToken ct)
    {
        var services = await ServicesOfAsync(entries.Where(e => !e.Priced), ct);
        var markup = await IntercompanyMarkupAsync(ct);
        return entries.Select(e =>
        {
            if (e.Priced)
                return (e, e.UnitRate, e.Amount!.Value, e.Cost!.Value);
            var rate = services.GetValueOrDefault(e.ServiceId)?.RateFor(e.ConsumerCostCenter, e.Date)?.UnitRate ?? 0m;
            var m = MarkupFor(e, markup);
            var (amount, cost) = e.AmountAt(rate, m);
            return (e, (decimal?)(rate * (1 + m / 100m)), amount, cost);
        }).ToList();
    }
}

using InternalStore.Application.Common;
using InternalStore.Application.Pricing;
using InternalStore.Domain.Negotiation;
using InternalStore.Pricing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InternalStore.Application.Negotiation;

/// <summary>A requested line's cost basis: what it costs, what the buyer pays without an offer, and the lowest any offer may go.</summary>
public sealed record LineBasis(string Sku, int Quantity, decimal UnitCost, decimal StandardUnitPrice, decimal Floor);

/// <summary>
/// The facts an offer is bounded by, read fresh: each line's unit cost, the standard transfer price
/// the buyer would pay today without an agreement (priced by the engine as that buyer), and the floor from the selling
/// company's minimum negotiated markup (rounded up to the cent, so a price at the floor is never below cost-plus).
/// </summary>
public sealed class NegotiationBasis(IStoreDb db, CartPricer pricer, TimeProvider clock, IOptions<PricingOptions> pricing)
{
    public string Currency => pricing.Value.Currency;

    public async Task<NegotiationSettings> SettingsAsync(string company, CancellationToken ct) =>
        await db.NegotiationSettings.AsNoTracking().FirstOrDefaultAsync(s => s.Company == company, ct)
        ?? new NegotiationSettings(company, 0m, 0m, "default", DateTimeOffset.MinValue);

    /// <summary>The buyer as they asked, to price them as the engine would price their own quote.</summary>
    public static Caller BuyerOf(QuoteRequest request) =>
        new(request.BuyerId, new HashSet<string> { request.BuyerRole }, request.ClaimCompany, request.CostCenter, request.Affiliate);

    public async Task<IReadOnlyList<LineBasis>> OfAsync(QuoteRequest request, CancellationToken ct)
    {
        var settings = await SettingsAsync(request.SellerCompany, ct);
        var priced = await pricer.PriceAsync(BuyerOf(request), [.. request.Lines.Select(l => new QuoteLineRequest(l.Sku, l.Quantity))],
            DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), lockForOrder: false, ct, withAgreements: false);
        return [.. request.Lines.Select((line, i) =>
        {
            var cost = priced.Products[line.Sku].UnitCost;
            var floor = settings.FloorFor(cost, Currency);
            return new LineBasis(line.Sku, line.Quantity, cost, priced.Quote.Lines[i].UnitPrice, floor);
        })];
    }
}

using InternalStore.Domain.Common;
using InternalStore.Domain.Negotiation;
using InternalStore.Pricing;

namespace InternalStore.Application.Negotiation;

public sealed record QuoteRequestDto(Guid Id, string Status, string BuyerKind, string BuyerId, string BuyerCompany,
    string? CostCenter, string SellerCompany, string Currency, IReadOnlyList<QuoteRequestLineDto> Lines, decimal? TargetTotal,
    string Comment, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, IReadOnlyList<OfferDto> Offers,
    IReadOnlyList<NegotiationEventDto> History, Guid? OrderId);

public sealed record QuoteRequestLineDto(string Sku, string Name, int Quantity, decimal? TargetUnitPrice);

/// <param name="NeedsApproval">Below the standard price: a second finance person approves it before the buyer sees it.</param>
public sealed record OfferDto(int Version, string Author, bool Automatic, DateTimeOffset ValidUntil, string Comment,
    bool NeedsApproval, string? ApprovedBy, DateTimeOffset? ApprovedAt, string? ApprovalReason, bool Current,
    IReadOnlyList<OfferLineDto> Lines, decimal Total);

/// <summary>An offered line with its cost basis (open book): unit cost, standard transfer price, floor, and the markup it gives.</summary>
public sealed record OfferLineDto(string Sku, int Quantity, decimal UnitPrice, decimal UnitCost, decimal StandardUnitPrice,
    decimal Floor, decimal MarkupPercent, decimal LineTotal);

public sealed record NegotiationEventDto(DateTimeOffset At, string By, string What, string? Reason, string? Detail,
    string Before, string After);

public sealed record NegotiationSettingsDto(string Company, decimal MinimumMarkupPercent, decimal AutoOfferBandPercent,
    string? UpdatedBy, DateTimeOffset? UpdatedAt);

internal static class NegotiationMapping
{
    /// <param name="forBuyer">The buyer sees only offers they may act on: none that still wait for approval.</param>
    public static QuoteRequestDto ToDto(this QuoteRequest r, string currency, bool forBuyer)
    {
        decimal M(decimal amount) => Currencies.ToMinorUnitScale(amount, currency);
        var current = r.CurrentOffer;
        return new QuoteRequestDto(r.Id, r.Status.WireName(), r.BuyerKind.WireName(), r.BuyerId, r.BuyerCompany, r.CostCenter,
            r.SellerCompany, currency,
            [.. r.Lines.Select(l => new QuoteRequestLineDto(l.Sku, l.Name, l.Quantity, l.TargetUnitPrice is { } t ? M(t) : null))],
            r.TargetTotal is { } total ? M(total) : null, r.Comment, r.CreatedAt, r.UpdatedAt,
            [.. r.Offers.Where(o => !forBuyer || o.Visible).OrderBy(o => o.Version).Select(o => new OfferDto(o.Version, o.Author,
                o.Automatic, o.ValidUntil, o.Comment, o.NeedsApproval, o.ApprovedBy, o.ApprovedAt, o.ApprovalReason, o == current,
                [.. o.Lines.Select(l => new OfferLineDto(l.Sku, l.Quantity, M(l.UnitPrice), M(l.UnitCost), M(l.StandardUnitPrice),
                    M(l.Floor), l.MarkupPercent, M(l.UnitPrice * l.Quantity)))], M(o.Total)))],
            [.. r.Events.OrderBy(e => e.At).ThenBy(e => e.Id).Select(e => new NegotiationEventDto(e.At, e.By, e.What, e.Reason,
                e.Detail, e.Before.WireName(), e.After.WireName()))],
            r.OrderId);
    }
}

using InternalStore.Domain.Common;
using InternalStore.Domain.Negotiation;
using InternalStore.Domain.Pricing;
using InternalStore.Pricing;

namespace InternalStore.Application.Negotiation.Agreements;

/// <summary>
/// A standing price: who it is for (a department's cost centre or an affiliate company), the SKU and
/// unit price, from..to (<c>agreedTo</c> keeps the last day as agreed when finance ends it early), the
/// cost-plus basis when agreed, the offer it came from, and who made or ended it.
/// </summary>
public sealed record PriceAgreementDto(long Id, string Status, string SellerCompany, string BuyerKind, string BuyerCompany,
    string? CostCenter, string Sku, string Name, decimal UnitPrice, string Currency, decimal UnitCost, string PricingMethod,
    decimal MarkupPercent, DateOnly From, DateOnly To, DateOnly AgreedTo, Guid QuoteRequestId, int OfferVersion, string CreatedBy,
    DateTimeOffset CreatedAt, string? EndedBy, DateTimeOffset? EndedAt, string? EndReason);

public static class PriceAgreementMapping
{
    public static PriceAgreementDto ToDto(this PriceAgreement a, DateOnly today) => new(a.Id, a.StatusOn(today).WireName(),
        a.SellerCompany, a.BuyerKind.WireName(), a.BuyerCompany, a.CostCenter, a.Sku, a.Name,
        Currencies.ToMinorUnitScale(a.UnitPrice, a.Currency), a.Currency, Currencies.ToMinorUnitScale(a.UnitCost, a.Currency),
        CostPlus.Method, a.MarkupPercent, a.From, a.To, a.AgreedTo, a.QuoteRequestId, a.OfferVersion, a.CreatedBy, a.CreatedAt,
        a.EndedBy, a.EndedAt, a.EndReason);
}

using InternalStore.Application.Common;
using InternalStore.Domain.Pricing;

namespace InternalStore.Application.Promotions;

public sealed record PromotionDto(string Id, string? Sku, string? Category, decimal Percent, string Audience, DateOnly From,
    DateOnly To);

/// <summary>A promotion as a client sends it; nullable so that a missing field is named.</summary>
public sealed record PromotionInput(string? Sku, string? Category, decimal? Percent, string? Audience, DateOnly? From,
    DateOnly? To);

internal static class PromotionRules
{
    public static PromotionDto ToDto(this StorePromotion p) => new(p.Id, p.Sku, p.Category, p.Percent, p.Audience, p.From, p.To);

    /// <summary>Public promotions are the catalog team's; staff-only promotions are HR's.</summary>
    public static void EnsureMayManage(Caller caller, string audience)
    {
        var allowed = audience == StorePromotion.AudienceEmployee
            ? caller.IsInRole(Roles.Hr)
            : caller.IsInRole(Roles.Catalog);
        if (!allowed)
            throw new ForbiddenException(audience == StorePromotion.AudienceEmployee
                ? "Employee promotions are managed by HR."
                : "Promotions for all or external buyers are managed by the catalog team.");
    }
}

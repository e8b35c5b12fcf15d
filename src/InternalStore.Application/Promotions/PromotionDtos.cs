using InternalStore.Domain.Common;
using InternalStore.Application.Authority;
using InternalStore.Application.Common;
using InternalStore.Domain.Pricing;

namespace InternalStore.Application.Promotions;

/// <param name="Company">Whose staff promotion it is (it applies to that company and those below); null: store-wide.</param>
public sealed record PromotionDto(string Id, string? Sku, string? Category, decimal Percent, string Audience, DateOnly From,
    DateOnly To, string? Company = null);

/// <summary>A promotion as a client sends it; nullable so that a missing field is named.</summary>
public sealed record PromotionInput(string? Sku, string? Category, decimal? Percent, string? Audience, DateOnly? From,
    DateOnly? To);

internal static class PromotionRules
{
    public static PromotionDto ToDto(this StorePromotion p) =>
        new(p.Id, p.Sku, p.Category, p.Percent, p.Audience, p.From, p.To, p.Company);

    /// <summary>
    /// Who sees a promotion: the catalog team every one; HR the store-wide ones, the staff promotions
    /// of the companies in its scope, and those of the companies above it (they price its employees
    /// too, but are not its to change).
    /// </summary>
    public static bool MaySee(this CallerScope scope, StorePromotion promotion) =>
        scope.Caller.IsInRole(Roles.Catalog) || promotion.Company is null || scope.Covers(promotion.Company)
        || scope.Chart.Chain(scope.Caller.Company).Contains(promotion.Company);

    /// <summary>Public promotions are the catalog team's (store-wide); staff-only promotions are HR's, for its own company.</summary>
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

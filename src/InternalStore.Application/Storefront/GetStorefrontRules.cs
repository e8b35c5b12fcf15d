using InternalStore.Application.Authority;
using InternalStore.Application.Pricing;
using InternalStore.Domain.Pricing;
using InternalStore.Pricing;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InternalStore.Application.Storefront;

/// <summary>
/// What an external storefront needs to price carts itself with the pricing library: the currency,
/// the rounding mode and today's public promotions. Nothing internal (no costs, no staff terms).
/// </summary>
public sealed record StorefrontRulesDto(string Currency, DateOnly AsOf, string Rounding,
    IReadOnlyList<Promotions.PromotionDto> Promotions);

public sealed record GetStorefrontRulesQuery(Common.Caller Caller) : IQuery<StorefrontRulesDto>, ICallerMessage;

public sealed class GetStorefrontRulesHandler(Common.IStoreDb db, PricingFacts facts, TimeProvider clock,
    IOptions<PricingOptions> options) : IQueryHandler<GetStorefrontRulesQuery, StorefrontRulesDto>
{
    public async ValueTask<StorefrontRulesDto> Handle(GetStorefrontRulesQuery query, CancellationToken cancellationToken)
    {
        var asOf = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var policy = await facts.PolicyInForceAsync(null, asOf, cancellationToken);
        var rounding = policy is null ? RoundingMode.HalfUp : DiscountPolicyJson.Read(policy.Document).Rounding;
        var promotions = await db.Promotions.AsNoTracking()
            .Where(p => p.From <= asOf && p.To >= asOf && p.Audience != StorePromotion.AudienceEmployee)
            .OrderBy(p => p.Id)
            .Select(p => new Promotions.PromotionDto(p.Id, p.Sku, p.Category, p.Percent, p.Audience, p.From, p.To))
            .ToListAsync(cancellationToken);
        return new StorefrontRulesDto(options.Value.Currency, asOf,
            rounding == RoundingMode.HalfEven ? "halfEven" : "halfUp", promotions);
    }
}

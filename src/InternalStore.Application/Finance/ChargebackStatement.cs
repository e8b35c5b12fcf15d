using InternalStore.Application.Authority;
using System.Globalization;
using InternalStore.Application.Common;
using InternalStore.Domain.Common;
using InternalStore.Domain.Settlement;
using InternalStore.Pricing;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InternalStore.Application.Finance;

/// <param name="Kind"><c>chargeback</c>, <c>reversal</c>, <c>adjustment</c> (goods) or <c>service</c> (an internal service at month-end).</param>
/// <param name="OrderId">The goods order; empty for a service charge, which names its supplying centre and usage entry.</param>
public sealed record ChargebackEntryDto(Guid OrderId, string Kind, string SellerCompany, decimal Amount, decimal Cost,
    decimal Markup, DateTimeOffset PostedAt, string? SupplierCostCenter = null, Guid? UsageEntryId = null);

public sealed record SellerTotalDto(string SellerCompany, int Orders, decimal Amount, decimal Cost, decimal Markup);

public sealed record CostCenterStatementDto(string CostCenter, string Name, string Company, IReadOnlyList<SellerTotalDto> Sellers,
    decimal Amount, decimal Cost, decimal Markup, IReadOnlyList<ChargebackEntryDto> Entries);

/// <summary>
/// A month of internal chargebacks per cost centre: the goods each department bought from which company,
/// at transfer price, and the internal services charged to it at the month's close, with cost and markup
/// (reversals and adjustments net out), e.g. the cost of IT for Marketing versus Sales.
/// </summary>
public sealed record ChargebackStatementDto(string Month, string Currency, IReadOnlyList<CostCenterStatementDto> CostCenters,
    decimal Amount, decimal Cost, decimal Markup);

/// <summary>The entries whose buying cost centre's company or whose selling company the caller's scope covers.</summary>
public sealed record GetChargebackStatementQuery(Caller Caller, string? Month) : IQuery<ChargebackStatementDto>, ICallerMessage;

public sealed class GetChargebackStatementHandler(IStoreDb db, OrganisationAuthority authority, IOptions<Pricing.PricingOptions> pricing)
    : IQueryHandler<GetChargebackStatementQuery, ChargebackStatementDto>
{
    public async ValueTask<ChargebackStatementDto> Handle(GetChargebackStatementQuery query, CancellationToken cancellationToken)
    {
        if (!DateOnly.TryParseExact(query.Month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None,
                out var first))
            throw new DomainValidationException("validation", "month", "month is YYYY-MM, e.g. 2026-11.");
        var from = new DateTimeOffset(first.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var to = from.AddMonths(1);
        var companies = (await authority.ScopeOfAsync(query.Caller, cancellationToken)).Companies.ToList();
        var entries = await db.JournalEntries.AsNoTracking()
            .Where(e => (e.Kind == JournalKind.Chargeback || e.Kind == JournalKind.ChargebackReversal
                         || e.Kind == JournalKind.ChargebackAdjustment || e.Kind == JournalKind.ServiceCharge)
                        && e.PostedAt >= from && e.PostedAt < to
                        && (companies.Contains(e.BuyerCompany) || companies.Contains(e.SellerCompany)))
            .ToListAsync(cancellationToken);
        var names = await db.CostCenters.AsNoTracking().ToDictionaryAsync(c => c.Code, c => c.Name, cancellationToken);
        var currency = pricing.Value.Currency;
        decimal M(decimal amount) => Currencies.ToMinorUnitScale(amount, currency);

        var costCenters = entries.GroupBy(e => (e.CostCenter ?? "", e.BuyerCompany)).OrderBy(g => g.Key)
            .Select(g => new CostCenterStatementDto(g.Key.Item1, names.GetValueOrDefault(g.Key.Item1, ""), g.Key.BuyerCompany,
                g.GroupBy(e => e.SellerCompany).OrderBy(s => s.Key).Select(s => new SellerTotalDto(s.Key,
                    s.Where(e => e.Kind == JournalKind.Chargeback).Select(e => e.OrderId).Distinct().Count(),
                    M(s.Sum(e => e.Amount)), M(s.Sum(e => e.Cost)), M(s.Sum(e => e.Markup)))).ToList(),
                M(g.Sum(e => e.Amount)), M(g.Sum(e => e.Cost)), M(g.Sum(e => e.Markup)),
                g.OrderBy(e => e.PostedAt).Select(e => new ChargebackEntryDto(e.OrderId,
                    KindOf(e.Kind), e.SellerCompany, M(e.Amount), M(e.Cost),
                    M(e.Markup), e.PostedAt, e.SupplierCostCenter, e.UsageEntryId)).ToList()))
            .ToList();
        return new ChargebackStatementDto(query.Month!, currency, costCenters, M(entries.Sum(e => e.Amount)),
            M(entries.Sum(e => e.Cost)), M(entries.Sum(e => e.Markup)));
    }

    private static string KindOf(JournalKind kind) => kind switch
    {
        JournalKind.Chargeback => "chargeback",
        JournalKind.ChargebackReversal => "reversal",
        JournalKind.ChargebackAdjustment => "adjustment",
        _ => "service",
    };
}

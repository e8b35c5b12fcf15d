using FluentValidation;
using InternalStore.Application.Authority;
using InternalStore.Application.Common;
using InternalStore.Domain.Common;
using InternalStore.Domain.InternalServices;
using InternalStore.Domain.Settlement;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InternalStore.Application.InternalServices;

/// <param name="Id">The line's id for a dispute: the usage entry (service) or the journal entry (goods).</param>
/// <param name="Status">
/// <c>pending</c> (the supplier's month is open: the amount is a preview), <c>posted</c> (charged back),
/// <c>shown</c> (showback: not posted), <c>invoiced</c> (another group company's service, on its invoice).
/// </param>
/// <param name="Cost">Unit cost behind the amount; shown to finance only.</param>
public sealed record StatementLineDto(Guid Id, string Kind, string Entry, DateOnly Date, string Description, string Supplier,
    string SupplierCompany, decimal? Quantity, string? Unit, decimal? UnitRate, decimal Amount, decimal? Cost, string Status,
    string? Reference, Guid? Order, Guid? Corrects, StatementDisputeRef? Dispute);

public sealed record StatementDisputeRef(Guid Id, string Status);

public sealed record StatementSupplierDto(string Supplier, string Kind, decimal Amount);

/// <summary>
/// One cost centre's month: the goods it bought (chargebacks at transfer price) and the internal services
/// it used, on one statement. <c>Total = Goods + Services</c>, each the sum of its lines.
/// </summary>
/// <param name="Status"><c>draft</c> (the centre's company has not closed the month), <c>closed</c>, <c>accepted</c>.</param>
public sealed record CostCentreStatementDto(string CostCenter, string Name, string Company, string Month, string Status, string Mode,
    string Currency, decimal Goods, decimal Services, decimal Total, IReadOnlyList<StatementSupplierDto> Suppliers,
    IReadOnlyList<StatementLineDto> Lines, string? AcceptedBy, DateTimeOffset? AcceptedAt, int OpenDisputes);

public sealed record GetCostCentreStatementQuery(Caller Caller, string Code, string? Month) : IQuery<CostCentreStatementDto>, ICallerMessage;

public sealed class GetCostCentreStatementValidator : AbstractValidator<GetCostCentreStatementQuery>
{
    public GetCostCentreStatementValidator() =>
        RuleFor(x => x.Month).Must(m => AccountingMonth.TryParse(m, out _)).WithMessage("month is YYYY-MM, e.g. 2026-11.")
            .OverridePropertyName("month");
}

public sealed class GetCostCentreStatementHandler(CostCentreStatements statements)
    : IQueryHandler<GetCostCentreStatementQuery, CostCentreStatementDto>
{
    public async ValueTask<CostCentreStatementDto> Handle(GetCostCentreStatementQuery query, CancellationToken cancellationToken)
    {
        var month = AccountingMonth.Parse(query.Month);
        return await statements.OfAsync(query.Caller, query.Code, month, cancellationToken);
    }
}

/// <summary>Builds a cost centre's statement; the one place its lines, totals and status are worked out.</summary>
public sealed class CostCentreStatements(IStoreDb db, InternalServiceAccess access, UsagePricing pricing, IOptions<Pricing.PricingOptions> options)
{
    public static readonly JournalKind[] GoodsKinds = [JournalKind.Chargeback, JournalKind.ChargebackReversal, JournalKind.ChargebackAdjustment];

    /// <summary>The centre (404 unless the caller buys for it or is finance of its company) and its company.</summary>
    public async Task<Domain.People.CostCenter> CentreAsync(Caller caller, string code, CancellationToken ct)
    {
        var centre = await db.CostCenters.AsNoTracking().FirstOrDefaultAsync(c => c.Code == code, ct);
        if (centre is null || !(InternalServiceAccess.BuysFor(caller, code) || await access.FinanceCoversAsync(caller, ct, centre.CompanyCode)))
            throw new NotFoundException("Cost centre", code);
        return centre;
    }

    public async Task<CostCentreStatementDto> OfAsync(Caller caller, string code, AccountingMonth month, CancellationToken ct)
    {
        var centre = await CentreAsync(caller, code, ct);
        var currency = options.Value.Currency;
        var from = new DateTimeOffset(month.First.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var to = from.AddMonths(1);
        var (first, last) = (month.First, month.Last);
        var goods = await db.JournalEntries.AsNoTracking()
            .Where(e => e.CostCenter == code && GoodsKinds.Contains(e.Kind) && e.PostedAt >= from && e.PostedAt < to)
            .OrderBy(e => e.PostedAt).ToListAsync(ct);
        var usage = await db.UsageEntries.AsNoTracking().Where(e => e.ConsumerCostCenter == code && e.Date >= first && e.Date <= last)
            .OrderBy(e => e.Date).ThenBy(e => e.EnteredAt).ToListAsync(ct);
        var priced = await pricing.PreviewAsync(usage, ct);
        var lineIds = goods.Select(g => g.Id).Concat(usage.Select(u => u.Id)).ToList();
        var disputes = await db.StatementDisputes.AsNoTracking().Where(d => lineIds.Contains(d.LineId))
            .ToDictionaryAsync(d => d.LineId, ct);
        var suppliers = usage.Select(u => u.SupplierCompany).Append(centre.CompanyCode).Distinct().ToList();
        var periods = await db.AccountingPeriods.AsNoTracking()
            .Where(p => p.Month == month.ToString() && suppliers.Contains(p.Company)).ToDictionaryAsync(p => p.Company, ct);
        var acceptance = await db.StatementAcceptances.AsNoTracking().FirstOrDefaultAsync(a => a.CostCenter == code && a.Month == month.ToString(), ct);
        var modeSetting = await db.CostAllocationSettings.AsNoTracking().Where(s => s.Company == centre.CompanyCode)
            .Select(s => (CostAllocationMode?)s.Mode).FirstOrDefaultAsync(ct) ?? CostAllocationMode.Chargeback;
        var own = periods.GetValueOrDefault(centre.CompanyCode);
        var mode = own?.Mode ?? modeSetting;
        var seesCost = caller.CanSeeCost || caller.IsOperator;
        decimal M(decimal amount) => InternalStore.Pricing.Currencies.ToMinorUnitScale(amount, currency);
        StatementDisputeRef? DisputeOf(Guid id) => disputes.TryGetValue(id, out var d) ? new StatementDisputeRef(d.Id, d.Status.WireName()) : null;

        var lines = goods.Select(g => new StatementLineDto(g.Id, "goods", GoodsEntry(g.Kind), DateOnly.FromDateTime(g.PostedAt.UtcDateTime),
                g.Memo, g.SellerCompany, g.SellerCompany, null, null, null, M(g.Amount), seesCost ? M(g.Cost) : null, "posted", null,
                g.OrderId == Guid.Empty ? null : g.OrderId, g.CorrectsId, DisputeOf(g.Id)))
            .Concat(priced.Select(p =>
            {
                var e = p.Entry;
                var status = e.Intercompany ? (e.Priced && periods.GetValueOrDefault(e.SupplierCompany)?.IsClosed == true ? "invoiced" : "pending")
                    : !e.Priced || periods.GetValueOrDefault(e.SupplierCompany)?.IsClosed != true ? "pending"
                    : periods[e.SupplierCompany].Mode == CostAllocationMode.Showback ? "shown" : "posted";
                return new StatementLineDto(e.Id, "service", e.Kind.WireName(), e.Date,
                    e.Kind == UsageKind.Adjustment ? $"{e.ServiceName}: adjustment ({e.Note})" : $"{e.ServiceName}: {e.Quantity.Plain()} {e.Unit}"
                        + (e.Kind == UsageKind.Reversal ? $", reversed ({e.Note})" : ""),
                    e.SupplierCostCenter, e.SupplierCompany, e.Kind == UsageKind.Adjustment ? null : e.Quantity.Plain(), e.Unit,
                    e.Kind == UsageKind.Adjustment ? null : p.UnitRate?.Plain(), M(p.Amount), seesCost ? M(p.Cost) : null, status,
                    e.Reference, null, e.CorrectsId, DisputeOf(e.Id));
            }))
            .OrderBy(l => l.Date).ToList();
        var goodsTotal = M(goods.Sum(g => g.Amount));
        var servicesTotal = M(priced.Sum(p => p.Amount));
        var bySupplier = goods.GroupBy(g => g.SellerCompany).Select(g => new StatementSupplierDto(g.Key, "goods", M(g.Sum(e => e.Amount))))
            .Concat(priced.GroupBy(p => p.Entry.SupplierCostCenter).Select(g => new StatementSupplierDto(g.Key, "service", M(g.Sum(p => p.Amount)))))
            .OrderBy(s => s.Kind).ThenBy(s => s.Supplier, StringComparer.Ordinal).ToList();
        var status = acceptance is not null ? "accepted" : own?.IsClosed == true ? "closed" : "draft";
        return new CostCentreStatementDto(code, centre.Name, centre.CompanyCode, month.ToString(), status, mode.WireName(), currency,
            goodsTotal, servicesTotal, goodsTotal + servicesTotal, bySupplier, lines, acceptance?.AcceptedBy, acceptance?.AcceptedAt,
            disputes.Values.Count(d => d.Status == DisputeStatus.Open));
    }

    private static string GoodsEntry(JournalKind kind) => kind switch
    {
        JournalKind.Chargeback => "chargeback",
        JournalKind.ChargebackReversal => "reversal",
        _ => "adjustment",
    };
}

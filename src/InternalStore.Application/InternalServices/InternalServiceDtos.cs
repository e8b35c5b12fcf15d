using InternalStore.Application.Common;
using InternalStore.Domain.Common;
using InternalStore.Domain.InternalServices;
using InternalStore.Pricing;

namespace InternalStore.Application.InternalServices;

public sealed record ServiceRateDto(decimal UnitRate, DateOnly From, string? Consumer, string SetBy, DateTimeOffset SetAt);

/// <param name="CurrentRate">The general rate in force today (null before the first rate starts).</param>
public sealed record InternalServiceDto(string Id, string Name, string Unit, string? Description, bool Active,
    string SupplierCostCenter, string Company, string Currency, decimal? CurrentRate, IReadOnlyList<ServiceRateDto> Rates);

/// <param name="Amount">The priced amount; before the month closes, what the rate card makes of it today (<paramref name="Priced"/> false).</param>
public sealed record UsageEntryDto(Guid Id, string Kind, string Service, string ServiceName, string Unit, string SupplierCostCenter,
    string SupplierCompany, string Consumer, string ConsumerCompany, decimal Quantity, DateOnly Date, string? Reference, string? Note,
    decimal? UnitRate, decimal Amount, bool Priced, bool Intercompany, Guid? Corrects, Guid? ReversedBy, Guid? Dispute, string EnteredBy,
    DateTimeOffset EnteredAt, string Currency);

public sealed record UsageListDto(string Month, string? Consumer, string? Service, bool Closed, int Count, decimal Quantity,
    decimal Amount, string Currency, IReadOnlyList<UsageEntryDto> Entries);

public sealed record UsageResult(UsageEntryDto Entry, bool Created);

public sealed record AccountingPeriodDto(string Company, string Month, string Status, string? Mode, DateTimeOffset? ClosedAt,
    string? ClosedBy, int EntriesPriced, int JournalEntries, int Invoices, decimal Amount, bool AlreadyClosed = false);

public sealed record CostAllocationSettingDto(string Company, string Mode, string? UpdatedBy, DateTimeOffset? UpdatedAt);

public sealed record DisputeDto(Guid Id, string LineKind, Guid Line, string CostCenter, string ConsumerCompany,
    string? SupplierCostCenter, string SupplierCompany, string Month, decimal Amount, string Currency, string Reason, string RaisedBy,
    DateTimeOffset RaisedAt, string Status, string? Resolution, string? ResolvedBy, DateTimeOffset? ResolvedAt, decimal? AdjustedAmount,
    decimal? Adjustment, Guid? AdjustmentEntry, string? AdjustmentMonth);

internal static class InternalServiceMapping
{
    public static InternalServiceDto ToDto(this InternalService s, DateOnly today) => new(s.Id, s.Name, s.Unit, s.Description, s.Active,
        s.SupplierCostCenter, s.Company, s.Currency,
        s.Rates.Where(r => r.Consumer is null && r.From <= today).MaxBy(r => (r.From, r.SetAt))?.UnitRate.Plain(),
        s.Rates.OrderBy(r => r.Consumer ?? "").ThenBy(r => r.From)
            .Select(r => new ServiceRateDto(r.UnitRate.Plain(), r.From, r.Consumer, r.SetBy, r.SetAt)).ToList());

    /// <summary>An entry as the API shows it, priced or (before close) at <paramref name="preview"/>.</summary>
    public static UsageEntryDto ToDto(this UsageEntry e, (decimal UnitRate, decimal Amount)? preview = null) => new(e.Id,
        e.Kind.WireName(), e.ServiceId, e.ServiceName, e.Unit, e.SupplierCostCenter, e.SupplierCompany, e.ConsumerCostCenter,
        e.ConsumerCompany, e.Quantity.Plain(), e.Date, e.Reference, e.Note,
        (e.UnitRate ?? preview?.UnitRate)?.Plain(), Currencies.ToMinorUnitScale(e.Amount ?? preview?.Amount ?? 0m, e.Currency), e.Priced,
        e.Intercompany, e.CorrectsId, e.ReversedById, e.DisputeId, e.EnteredBy, e.EnteredAt, e.Currency);

    public static AccountingPeriodDto ToDto(this AccountingPeriod p, string currency, bool alreadyClosed = false) => new(p.Company,
        p.Month, p.IsClosed ? "closed" : "open", p.Mode?.WireName(), p.ClosedAt, p.ClosedBy, p.EntriesPriced, p.JournalEntries,
        p.Invoices, Currencies.ToMinorUnitScale(p.Amount, currency), alreadyClosed);

    public static DisputeDto ToDto(this StatementDispute d) => new(d.Id, d.LineKind.WireName(), d.LineId, d.CostCenter,
        d.ConsumerCompany, d.SupplierCostCenter, d.SupplierCompany, d.Month, Currencies.ToMinorUnitScale(d.Amount, d.Currency),
        d.Currency, d.Reason, d.RaisedBy, d.RaisedAt, d.Status.WireName(), d.Resolution, d.ResolvedBy, d.ResolvedAt,
        d.AdjustedAmount is { } a ? Currencies.ToMinorUnitScale(a, d.Currency) : null,
        d.Delta is { } delta ? Currencies.ToMinorUnitScale(delta, d.Currency) : null, d.AdjustmentId, d.AdjustmentMonth);
}

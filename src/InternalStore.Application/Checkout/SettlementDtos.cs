using InternalStore.Domain.Common;
using InternalStore.Application.Orders;
using InternalStore.Domain.Settlement;
using InternalStore.Pricing;

namespace InternalStore.Application.Checkout;

/// <summary>
/// The outcome of a checkout: the order, the method's wire name and what that method produced
/// (<see cref="CardCheckoutDto"/>, <see cref="PayrollScheduleDto"/>, <see cref="JournalEntryDto"/>,
/// <see cref="InvoiceDto"/>; null while a card payment has no intent yet).
/// </summary>
public sealed record CheckoutDto(OrderDto Order, string Method, object? Details);

/// <summary>What the buyer's browser needs to confirm the payment with Stripe.js; shown to the order's owner only.</summary>
public sealed record CardCheckoutDto(string PaymentIntentId, string Status, string? ClientSecret, string? Error);

public sealed record PayrollScheduleDto(Guid Id, Guid OrderId, string EmployeeId, decimal Total, string Currency,
    IReadOnlyList<PayrollDeductionDto> Deductions);

public sealed record PayrollDeductionDto(DateOnly Period, decimal Amount, string Status);

/// <param name="OrderId">The affiliate's order invoiced; null on a month's service invoice (<paramref name="ServiceMonth"/>).</param>
public sealed record InvoiceDto(Guid Id, string Number, Guid? OrderId, string SellerCompany, string BuyerCompany,
    DateOnly IssueDate, DateOnly DueDate, string Currency, IReadOnlyList<InvoiceLineDto> Lines, decimal Total,
    decimal Credited, string Status, DateTimeOffset? SettledAt, string? ServiceMonth = null);

/// <param name="PricingMethod">The transfer-pricing method (<c>cost-plus</c>) and the markup over unit cost the price realised.</param>
public sealed record InvoiceLineDto(string Sku, string Name, decimal Quantity, decimal UnitPrice, decimal LineTotal, decimal UnitCost,
    string PricingMethod, decimal MarkupPercent);

public sealed record JournalEntryDto(Guid Id, string Kind, Guid OrderId, string BuyerCompany, string? CostCenter,
    string SellerCompany, decimal Amount, decimal Cost, decimal Markup, string Currency, DateTimeOffset PostedAt,
    string Memo);

public sealed record RefundDto(Guid Id, Guid OrderId, string Method, string Status, decimal Amount, string Currency,
    decimal AllowanceRestored, bool ReturnToStock, string Reason, IReadOnlyList<RefundLineDto> Lines,
    DateTimeOffset CreatedAt, DateTimeOffset? CompletedAt);

public sealed record RefundLineDto(string Sku, int Quantity, decimal Amount);

internal static class SettlementMapping
{
    public static PayrollScheduleDto ToDto(this PayrollSchedule s) => new(s.Id, s.OrderId, s.EmployeeId,
        Currencies.ToMinorUnitScale(s.Total, s.Currency), s.Currency,
        s.Deductions.OrderBy(d => d.Period).ThenBy(d => d.Status)
            .Select(d => new PayrollDeductionDto(d.Period, Currencies.ToMinorUnitScale(d.Amount, s.Currency), d.Status.WireName()))
            .ToList());

    public static InvoiceDto ToDto(this IntercompanyInvoice i) => new(i.Id, i.Number, i.OrderId, i.SellerCompany,
        i.BuyerCompany, i.IssueDate, i.DueDate, i.Currency,
        i.Lines.Select(l => new InvoiceLineDto(l.Sku, l.Name, l.Quantity, Currencies.ToMinorUnitScale(l.UnitPrice, i.Currency),
            Currencies.ToMinorUnitScale(l.LineTotal, i.Currency), Currencies.ToMinorUnitScale(l.UnitCost, i.Currency),
            l.PricingMethod, l.MarkupPercent)).ToList(),
        Currencies.ToMinorUnitScale(i.Total, i.Currency), Currencies.ToMinorUnitScale(i.Credited, i.Currency),
        i.Status.WireName(), i.SettledAt, i.ServiceMonth);

    public static JournalEntryDto ToDto(this JournalEntry e) => new(e.Id, e.Kind.WireName(), e.OrderId, e.BuyerCompany,
        e.CostCenter, e.SellerCompany, Currencies.ToMinorUnitScale(e.Amount, e.Currency),
        Currencies.ToMinorUnitScale(e.Cost, e.Currency), Currencies.ToMinorUnitScale(e.Markup, e.Currency), e.Currency,
        e.PostedAt, e.Memo);

    public static RefundDto ToDto(this Refund r) => new(r.Id, r.OrderId, r.Method.WireName(), r.Status.WireName(),
        Currencies.ToMinorUnitScale(r.Amount, r.Currency), r.Currency,
        Currencies.ToMinorUnitScale(r.AllowanceRestored, r.Currency), r.ReturnToStock, r.Reason,
        r.Lines.Select(l => new RefundLineDto(l.Sku, l.Quantity, Currencies.ToMinorUnitScale(l.Amount, r.Currency))).ToList(),
        r.CreatedAt, r.CompletedAt);
}

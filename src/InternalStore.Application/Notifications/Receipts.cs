using System.Globalization;
using System.Text;
using InternalStore.Domain.Ordering;
using InternalStore.Domain.Settlement;

namespace InternalStore.Application.Notifications;

/// <summary>The plain-text bodies of the store's notifications: what was bought, at what price, and how it is paid.</summary>
public static class Receipts
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string ShortId(Guid id) => id.ToString("N")[..8];

    public static string Money(decimal amount, string currency) => $"{amount.ToString("0.00", Invariant)} {currency}";

    public static string OrderPlaced(Order order)
    {
        var text = new StringBuilder();
        text.AppendLine(Invariant, $"Order {ShortId(order.Id)} was placed on {order.PlacedAt:yyyy-MM-dd HH:mm} UTC.");
        Lines(text, order);
        if (order.HoldsReservations)
            text.AppendLine(Invariant, $"The goods are held for you until {order.ExpiresAt:yyyy-MM-dd HH:mm} UTC; check out to pay.");
        return text.ToString();
    }

    public static string OrderPaid(Order order, PayrollSchedule? schedule)
    {
        var text = new StringBuilder();
        text.AppendLine(Invariant, $"Receipt for order {ShortId(order.Id)}, paid on {order.PaidAt:yyyy-MM-dd} by {Method(order.PaymentMethod)}.");
        Lines(text, order);
        if (schedule is not null)
            Deductions(text, schedule);
        return text.ToString();
    }

    public static string Deductions(PayrollSchedule schedule, string reason)
    {
        var text = new StringBuilder();
        text.AppendLine(reason);
        Deductions(text, schedule);
        return text.ToString();
    }

    private static void Lines(StringBuilder text, Order order)
    {
        text.AppendLine();
        foreach (var line in order.Lines)
        {
            text.AppendLine(Invariant,
                $"  {line.Quantity} x {line.Name} ({line.Sku}) at {Money(line.UnitPrice, order.Currency)} = {Money(line.LineTotal, order.Currency)}");
            if (line.Discount > 0)
                text.AppendLine(Invariant, $"      list {Money(line.ListPrice, order.Currency)} each; you save {Money(line.Discount, order.Currency)}");
        }

        text.AppendLine(Invariant, $"  Total {Money(order.Total, order.Currency)}");
        if (order.AllowanceReserved > 0)
            text.AppendLine(Invariant, $"  Allowance used {Money(order.AllowanceReserved, order.Currency)} ({order.AllowanceYear})");
        text.AppendLine();
    }

    private static void Deductions(StringBuilder text, PayrollSchedule schedule)
    {
        text.AppendLine("Payroll deductions:");
        foreach (var deduction in schedule.Deductions.OrderBy(d => d.Period))
            text.AppendLine(Invariant,
                $"  {deduction.Period:yyyy-MM-dd}  {Money(deduction.Amount, schedule.Currency)}  {Domain.Common.WireNames.WireName(deduction.Status)}");
    }

    private static string Method(PaymentMethod? method) => method switch
    {
        PaymentMethod.Payroll => "payroll deduction",
        null => "-",
        { } m => Domain.Common.WireNames.WireName(m),
    };
}

/// <summary>The notice a buyer gets when an offer on their quote request is theirs to accept.</summary>
public static class OfferNotices
{
    public static Task NotifyAsync(Notifier notifier, Domain.Negotiation.QuoteRequest request, Domain.Negotiation.Offer offer, string currency,
        CancellationToken ct)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Offer v{offer.Version} on your quote request {Receipts.ShortId(request.Id)}, valid until {offer.ValidUntil:yyyy-MM-dd HH:mm} UTC:");
        text.AppendLine();
        foreach (var line in offer.Lines)
            text.AppendLine(CultureInfo.InvariantCulture,
                $"  {line.Quantity} x {line.Sku} at {Receipts.Money(line.UnitPrice, currency)} (standard {Receipts.Money(line.StandardUnitPrice, currency)})");
        if (!string.IsNullOrWhiteSpace(offer.Comment))
            text.AppendLine().AppendLine(offer.Comment);
        return notifier.NotifyAsync(request.BuyerId, Domain.Notifications.NotificationKind.OfferReceived,
            $"An offer on your quote request {Receipts.ShortId(request.Id)}", text.ToString(), $"/shop/quotes/{request.Id}", ct);
    }
}

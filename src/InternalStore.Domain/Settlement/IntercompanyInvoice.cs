using InternalStore.Domain.Common;

namespace InternalStore.Domain.Settlement;

public enum InvoiceStatus
{
    Open,
    Settled,
}

/// <summary>An invoice from one company of the group to another for an affiliate's order.</summary>
public sealed class IntercompanyInvoice
{
    private readonly List<InvoiceLine> _lines = [];

    private IntercompanyInvoice()
    {
        Number = SellerCompany = BuyerCompany = Currency = string.Empty;
    }

    public IntercompanyInvoice(string number, Guid orderId, string sellerCompany, string buyerCompany, DateOnly issueDate,
        int paymentTermDays, string currency, IEnumerable<InvoiceLine> lines)
    {
        Id = Guid.NewGuid();
        Number = number;
        OrderId = orderId;
        SellerCompany = sellerCompany;
        BuyerCompany = buyerCompany;
        IssueDate = issueDate;
        DueDate = issueDate.AddDays(paymentTermDays);
        Currency = currency;
        _lines.AddRange(lines);
        Total = _lines.Sum(l => l.LineTotal);
        Status = InvoiceStatus.Open;
    }

    /// <summary>The invoice of a month's services used by the buyer's cost centres (no order).</summary>
    public static IntercompanyInvoice ForServices(string number, string sellerCompany, string buyerCompany, string month,
        DateOnly issueDate, int paymentTermDays, string currency, IEnumerable<InvoiceLine> lines)
    {
        var invoice = new IntercompanyInvoice(number, Guid.Empty, sellerCompany, buyerCompany, issueDate, paymentTermDays, currency, lines)
        {
            OrderId = null,
            ServiceMonth = month,
        };
        return invoice;
    }

    public Guid Id { get; private set; }
    public string Number { get; private set; }

    /// <summary>The affiliate's order invoiced; null for a month's internal services.</summary>
    public Guid? OrderId { get; private set; }

    /// <summary>The month (YYYY-MM) of the services invoiced, for a service invoice.</summary>
    public string? ServiceMonth { get; private set; }

    public string SellerCompany { get; private set; }
    public string BuyerCompany { get; private set; }
    public DateOnly IssueDate { get; private set; }
    public DateOnly DueDate { get; private set; }
    public string Currency { get; private set; }
    public decimal Total { get; private set; }

    /// <summary>Credit notes issued against it (refunds).</summary>
    public decimal Credited { get; private set; }

    public InvoiceStatus Status { get; private set; }
    public DateTimeOffset? SettledAt { get; private set; }
    public string? SettledBy { get; private set; }
    public long Version { get; private set; }
    public IReadOnlyList<InvoiceLine> Lines => _lines;

    public void Settle(string by, DateTimeOffset now)
    {
        if (Status == InvoiceStatus.Settled)
            throw new ConflictException("invalid-state", $"Invoice {Number} is already settled.");
        Status = InvoiceStatus.Settled;
        SettledAt = now;
        SettledBy = by;
        Version++;
    }

    public void Credit(decimal amount)
    {
        Credited += amount;
        Version++;
    }

    /// <summary>Numbers run per seller and year: ABC-2026-00042.</summary>
    public static string FormatNumber(string sellerCompany, int year, int sequence) =>
        $"{sellerCompany}-{year}-{sequence:D5}";
}

public sealed class InvoiceLine
{
    private InvoiceLine()
    {
        Sku = Name = PricingMethod = string.Empty;
    }

    public InvoiceLine(string sku, string name, decimal quantity, decimal unitPrice, decimal lineTotal, decimal unitCost)
    {
        Sku = sku;
        Name = name;
        Quantity = quantity;
        UnitPrice = unitPrice;
        LineTotal = lineTotal;
        UnitCost = unitCost;
        PricingMethod = Pricing.CostPlus.Method;
    }

    /// <summary>
    /// A use of one service by one cost centre, at the intercompany rate over the supplier's own rate (its unit
    /// cost), so the line shows the markup policy set, not the rounding of one entry's amount.
    /// </summary>
    public static InvoiceLine ForService(string serviceId, string name, decimal quantity, decimal unitRate, decimal amount, decimal supplierRate) =>
        new(serviceId, name, quantity, unitRate, amount, supplierRate);

    /// <summary>The seller's invoice line for an order line: its price, with the cost-plus method and markup it realised.</summary>
    public static InvoiceLine For(Ordering.OrderLine line) =>
        new(line.Sku, line.Name, line.Quantity, line.UnitPrice, line.LineTotal, line.UnitCost);

    public string Sku { get; private set; }
    public string Name { get; private set; }
    /// <summary>Whole units of goods; services may use part of a unit (1.5 hours).</summary>
    public decimal Quantity { get; private set; }
    public decimal UnitPrice { get; private set; }
    public decimal LineTotal { get; private set; }

    /// <summary>The unit cost the price was set from, for transfer-pricing files.</summary>
    public decimal UnitCost { get; private set; }

    /// <summary>The transfer-pricing method: <c>cost-plus</c> (standard, negotiated or agreed markup alike).</summary>
    public string PricingMethod { get; private set; }

    /// <summary>The markup over unit cost the price realised, in percent.</summary>
    public decimal MarkupPercent => Pricing.CostPlus.MarkupPercent(UnitPrice, UnitCost);
}

namespace InternalStore.Domain.Negotiation;

/// <summary>
/// One offered line with its cost basis, shown to both sides (open book): what the unit costs, the
/// standard transfer price the buyer would pay without the offer, and the floor no offer goes below.
/// </summary>
public sealed class OfferLine
{
    private OfferLine()
    {
        Sku = string.Empty;
    }

    public OfferLine(string sku, int quantity, decimal unitPrice, decimal unitCost, decimal standardUnitPrice, decimal floor)
    {
        Sku = sku;
        Quantity = quantity;
        UnitPrice = unitPrice;
        UnitCost = unitCost;
        StandardUnitPrice = standardUnitPrice;
        Floor = floor;
    }

    public long Id { get; private set; }
    public string Sku { get; private set; }
    public int Quantity { get; private set; }
    public decimal UnitPrice { get; private set; }
    public decimal UnitCost { get; private set; }
    public decimal StandardUnitPrice { get; private set; }
    public decimal Floor { get; private set; }

    /// <summary>The markup over cost the offered price gives, in percent (cost-plus, for transfer-pricing files).</summary>
    public decimal MarkupPercent => Pricing.CostPlus.MarkupPercent(UnitPrice, UnitCost);

    public bool BelowStandard => UnitPrice < StandardUnitPrice;
}

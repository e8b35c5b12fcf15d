using Currencies = InternalStore.Pricing.Currencies;
using InternalStore.Domain.Common;

namespace InternalStore.Domain.Ordering;

/// <summary>A line with its price snapshot and the explanation of how it was priced.</summary>
public sealed class OrderLine
{
    private OrderLine()
    {
        Sku = Name = Explanation = string.Empty;
    }

    public OrderLine(string sku, string name, int quantity, decimal listPrice, decimal unitPrice, decimal lineTotal,
        decimal discount, decimal allowanceTaken, string explanation, decimal unitCost = 0m)
    {
        UnitCost = unitCost;
        Sku = sku;
        Name = name;
        Quantity = quantity;
        ListPrice = listPrice;
        UnitPrice = unitPrice;
        LineTotal = lineTotal;
        Discount = discount;
        AllowanceTaken = allowanceTaken;
        Explanation = explanation;
    }

    public long Id { get; private set; }
    public Guid OrderId { get; private set; }
    public string Sku { get; private set; }
    public string Name { get; private set; }
    public int Quantity { get; private set; }
    public decimal ListPrice { get; private set; }
    public decimal UnitPrice { get; private set; }
    public decimal LineTotal { get; private set; }
    public decimal Discount { get; private set; }
    public decimal AllowanceTaken { get; private set; }

    /// <summary>The product's unit cost at placement, for finance (markup of transfer prices).</summary>
    public decimal UnitCost { get; private set; }

    /// <summary>What an external customer would have paid per unit at placement: the benefit is measured against it.</summary>
    public decimal ExternalUnitPrice { get; private set; }

    public Benefits.SupplyKind SupplyKind { get; private set; }

    public int RefundedQuantity { get; private set; }
    public decimal RefundedAmount { get; private set; }
    public int RefundableQuantity => Quantity - RefundedQuantity;

    public void PricedForBenefits(decimal externalUnitPrice, Benefits.SupplyKind kind)
    {
        ExternalUnitPrice = externalUnitPrice;
        SupplyKind = kind;
    }

    /// <summary>
    /// Takes <paramref name="quantity"/> units back and returns their amount (and allowance). The last
    /// units of a line take what is left, so rounding never leaves a cent behind or refunds one twice.
    /// </summary>
    public (decimal Amount, decimal Allowance) TakeBack(int quantity, string currency)
    {
        if (quantity <= 0 || quantity > RefundableQuantity)
            throw new ConflictException("invalid-quantity",
                $"{Sku}: {quantity} unit(s) asked back but {RefundableQuantity} can be refunded.");
        var allowanceLeft = AllowanceTaken * RefundableQuantity / Quantity;
        decimal amount, allowance;
        if (quantity == RefundableQuantity)
        {
            amount = LineTotal - RefundedAmount;
            allowance = Currencies.Round(allowanceLeft, currency);
        }
        else
        {
            amount = Currencies.Round(LineTotal * quantity / Quantity, currency);
            allowance = Currencies.Round(AllowanceTaken * quantity / Quantity, currency);
        }

        RefundedQuantity += quantity;
        RefundedAmount += amount;
        return (amount, Math.Min(allowance, allowanceLeft));
    }

    /// <summary>The pricing explanation as JSON, frozen with the price.</summary>
    public string Explanation { get; private set; }
}

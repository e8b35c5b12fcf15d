namespace InternalStore.Domain.Pricing;

/// <summary>
/// The transfer-pricing method of every internal price here: unit cost plus a markup (standard,
/// negotiated or agreed). Transfer-pricing files record the method and the markup each line realised.
/// </summary>
public static class CostPlus
{
    public const string Method = "cost-plus";

    /// <summary>The markup over cost a unit price realises, in percent to two decimals (0 when the cost is 0).</summary>
    public static decimal MarkupPercent(decimal unitPrice, decimal unitCost) =>
        unitCost == 0 ? 0 : Math.Round((unitPrice - unitCost) / unitCost * 100m, 2, MidpointRounding.AwayFromZero);
}

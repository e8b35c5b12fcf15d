namespace InternalStore.Domain.Pricing;

/// <summary>
/// The group's transfer-pricing markups (a single row): departments pay cost plus the category's
/// markup or the default, affiliates cost plus the intercompany markup.
/// </summary>
public sealed class TransferPricingSettings
{
    public const int SingletonId = 1;

    private TransferPricingSettings()
    {
        CategoryMarkups = string.Empty;
    }

    public TransferPricingSettings(decimal defaultMarkupPercent, decimal intercompanyMarkupPercent, string categoryMarkups)
    {
        Id = SingletonId;
        DefaultMarkupPercent = defaultMarkupPercent;
        IntercompanyMarkupPercent = intercompanyMarkupPercent;
        CategoryMarkups = categoryMarkups;
    }

    public void Replace(decimal defaultMarkupPercent, decimal intercompanyMarkupPercent, string categoryMarkups)
    {
        DefaultMarkupPercent = defaultMarkupPercent;
        IntercompanyMarkupPercent = intercompanyMarkupPercent;
        CategoryMarkups = categoryMarkups;
    }

    public int Id { get; private set; }
    public decimal DefaultMarkupPercent { get; private set; }
    public decimal IntercompanyMarkupPercent { get; private set; }

    /// <summary>JSON array of <c>{category, markupPercent}</c>, first entry per category wins.</summary>
    public string CategoryMarkups { get; private set; }
}

namespace InternalStore.Domain.Pricing;

/// <summary>A percentage promotion on one SKU or one category, for an audience, valid from..to inclusive.</summary>
public sealed class StorePromotion
{
    private StorePromotion()
    {
        Id = Audience = string.Empty;
    }

    /// <param name="company">
    /// Whose promotion it is: a staff promotion belongs to the company of the HR that made it and applies
    /// to the employees of that company and the companies below it; null for the catalog's store-wide ones.
    /// </param>
    public StorePromotion(string id, string? sku, string? category, decimal percent, string audience, DateOnly from, DateOnly to,
        string? company = null)
    {
        Id = id;
        Audience = audience;
        Company = company;
        Change(sku, category, percent, audience, from, to);
    }

    public const string AudienceAll = "all";
    public const string AudienceExternal = "external";
    public const string AudienceEmployee = "employee";

    public static bool IsAudience(string? audience) => audience is AudienceAll or AudienceExternal or AudienceEmployee;

    public bool SameAs(string? sku, string? category, decimal percent, string audience, DateOnly from, DateOnly to) =>
        Sku == sku && Category == category && Percent == percent && Audience == audience && From == from && To == to;

    public void Change(string? sku, string? category, decimal percent, string audience, DateOnly from, DateOnly to)
    {
        if ((sku is null) == (category is null))
            throw new ArgumentException("A promotion names either a SKU or a category.", nameof(sku));
        ArgumentOutOfRangeException.ThrowIfNegative(percent);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percent, 100m);
        if (!IsAudience(audience))
            throw new ArgumentException($"Audience '{audience}' is not all, external or employee.", nameof(audience));
        if (to < from)
            throw new ArgumentException("A promotion cannot end before it starts.", nameof(to));
        Sku = sku;
        Category = category;
        Percent = percent;
        Audience = audience;
        From = from;
        To = to;
    }

    public string Id { get; private set; }

    /// <summary>The company whose employees (and those of the companies below it) it applies to; null: every buyer of its audience.</summary>
    public string? Company { get; private set; }
    public string? Sku { get; private set; }
    public string? Category { get; private set; }
    public decimal Percent { get; private set; }

    /// <summary><c>all</c>, <c>external</c> or <c>employee</c>.</summary>
    public string Audience { get; private set; }

    public DateOnly From { get; private set; }
    public DateOnly To { get; private set; }
}

namespace InternalStore.Domain.People;

/// <summary>A company of the group. The parent has no <see cref="ParentCode"/>.</summary>
public sealed class Company
{
    private Company()
    {
        Code = Name = string.Empty;
    }

    public Company(string code, string name, string? parentCode, Benefits.SupplyKind? lineOfBusiness = null)
    {
        LineOfBusiness = lineOfBusiness;
        Code = code;
        Name = name;
        ParentCode = parentCode;
    }

    public string Code { get; private set; }
    public string Name { get; private set; }
    public string? ParentCode { get; private set; }

    /// <summary>What the company sells, for the fringe-benefit rules; null: every line (a holding that sells both).</summary>
    public Benefits.SupplyKind? LineOfBusiness { get; private set; }

    /// <summary>
    /// Who an affiliate buys from at the intercompany price: the company named beside it (the token's
    /// company), or the group's parent when none is named or the named one is the affiliate itself.
    /// </summary>
    public static string? SellerForAffiliate(string? namedSeller, string affiliate, string? groupParent) =>
        namedSeller is { } named && named != affiliate ? named : groupParent;
}

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
}

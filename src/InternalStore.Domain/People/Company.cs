namespace InternalStore.Domain.People;

/// <summary>A company of the group. The parent has no <see cref="ParentCode"/>.</summary>
public sealed class Company
{
    private Company()
    {
        Code = Name = string.Empty;
    }

    public Company(string code, string name, string? parentCode)
    {
        Code = code;
        Name = name;
        ParentCode = parentCode;
    }

    public string Code { get; private set; }
    public string Name { get; private set; }
    public string? ParentCode { get; private set; }
}

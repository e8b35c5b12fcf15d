namespace InternalStore.Domain.People;

/// <summary>A cost centre (department) of one company.</summary>
public sealed class CostCenter
{
    private CostCenter()
    {
        Code = Name = CompanyCode = string.Empty;
    }

    public CostCenter(string code, string name, string companyCode)
    {
        Code = code;
        Name = name;
        CompanyCode = companyCode;
    }

    public string Code { get; private set; }
    public string Name { get; private set; }
    public string CompanyCode { get; private set; }
}

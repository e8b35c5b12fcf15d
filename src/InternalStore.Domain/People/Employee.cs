namespace InternalStore.Domain.People;

public enum EmploymentStatus
{
    Active,
    Terminated,
}

/// <summary>A person employed by a company of the group, as HR records them.</summary>
public sealed class Employee
{
    private Employee()
    {
        Id = Name = Email = CompanyCode = string.Empty;
    }

    public Employee(string id, string name, string email, string companyCode, string? costCenterCode,
        int grade, DateOnly hireDate)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentOutOfRangeException.ThrowIfNegative(grade);
        Id = id;
        Name = name;
        Email = email;
        CompanyCode = companyCode;
        CostCenterCode = costCenterCode;
        Grade = grade;
        HireDate = hireDate;
        Status = EmploymentStatus.Active;
    }

    public string Id { get; private set; }
    public string Name { get; private set; }
    public string Email { get; private set; }
    public string CompanyCode { get; private set; }
    public string? CostCenterCode { get; private set; }
    public int Grade { get; private set; }
    public DateOnly HireDate { get; private set; }
    public EmploymentStatus Status { get; private set; }
    public DateOnly? TerminationDate { get; private set; }

    /// <summary>The person's sign-in name at the identity provider that provisions them (SCIM <c>userName</c>); null for a person HR keeps by hand.</summary>
    public string? UserName { get; private set; }

    /// <summary><see cref="UserName"/> as it is compared: user names are unique regardless of case.</summary>
    public string? NormalizedUserName { get; private set; }

    /// <summary>The identity provider's own id of the person (SCIM <c>externalId</c>).</summary>
    public string? ExternalId { get; private set; }

    /// <summary>The parts of the name the identity provider sends (SCIM <c>name.givenName</c>, <c>name.familyName</c>); <see cref="Name"/> is what the store shows.</summary>
    public string? GivenName { get; private set; }

    public string? FamilyName { get; private set; }

    public static string NormalizeUserName(string userName) => userName.Trim().ToUpperInvariant();

    /// <summary>Links the record to the identity provider that provisions the person from now on.</summary>
    public void LinkIdentity(string userName, string? externalId, string? givenName, string? familyName)
    {
        GivenName = string.IsNullOrWhiteSpace(givenName) ? null : givenName.Trim();
        FamilyName = string.IsNullOrWhiteSpace(familyName) ? null : familyName.Trim();
        ArgumentException.ThrowIfNullOrWhiteSpace(userName);
        UserName = userName.Trim();
        NormalizedUserName = NormalizeUserName(userName);
        ExternalId = string.IsNullOrWhiteSpace(externalId) ? null : externalId;
    }

    /// <summary>The identity provider let go of the person (SCIM DELETE): the record stays, unprovisioned.</summary>
    public void UnlinkIdentity()
    {
        UserName = NormalizedUserName = ExternalId = GivenName = FamilyName = null;
    }

    /// <summary>HR's changes to the employment record. Rehiring sets a new hire date: tenure counts from the latest hire.</summary>
    public void Change(string name, string email, string? costCenterCode, int grade, EmploymentStatus status,
        DateOnly hireDate, DateOnly? terminationDate)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfNegative(grade);
        if (status == EmploymentStatus.Terminated && terminationDate is null)
            throw new ArgumentException("A termination needs its date.", nameof(terminationDate));
        if (terminationDate < hireDate)
            throw new ArgumentOutOfRangeException(nameof(terminationDate), "An employee cannot leave before being hired.");
        Name = name;
        Email = email;
        CostCenterCode = costCenterCode;
        Grade = grade;
        HireDate = hireDate;
        Status = status;
        TerminationDate = status == EmploymentStatus.Terminated ? terminationDate : null;
    }

    /// <summary>A move to another company of the group (HR of both): the new company's policy prices them from now.</summary>
    public void MoveTo(string companyCode, string? costCenterCode)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(companyCode);
        CompanyCode = companyCode;
        CostCenterCode = costCenterCode;
    }

    public void Terminate(DateOnly on)
    {
        if (on < HireDate)
            throw new ArgumentOutOfRangeException(nameof(on), "An employee cannot leave before being hired.");
        Status = EmploymentStatus.Terminated;
        TerminationDate = on;
    }
}

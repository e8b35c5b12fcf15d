using InternalStore.Domain.Common;

namespace InternalStore.Domain.Pricing;

public enum PolicyStatus
{
    Draft,
    Published,
}

/// <summary>
/// One version of a company's HR discount policy. The parent company's policy is the group default:
/// a subsidiary without a policy of its own in force follows its parent's. The document is the
/// policy in the JSON format of the pricing library. Drafts are editable; publishing freezes the
/// version and sets when it takes effect.
/// </summary>
public sealed class PolicyVersion
{
    private PolicyVersion()
    {
        CompanyCode = Name = Document = CreatedBy = string.Empty;
    }

    public Guid Id { get; private set; }
    public string CompanyCode { get; private set; }
    public int Version { get; private set; }
    public string Name { get; private set; }
    public PolicyStatus Status { get; private set; }
    public DateOnly? EffectiveFrom { get; private set; }
    public string Document { get; private set; }
    public string CreatedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? PublishedAt { get; private set; }

    public static PolicyVersion Draft(string companyCode, int version, string name, string document, string createdBy,
        DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(),
        CompanyCode = companyCode,
        Version = version,
        Name = name,
        Status = PolicyStatus.Draft,
        Document = document,
        CreatedBy = createdBy,
        CreatedAt = now,
    };

    public void Revise(string name, string document)
    {
        if (Status != PolicyStatus.Draft)
            throw new ConflictException("invalid-state", $"Policy version {Version} is published and cannot change; create a new draft.");
        Name = name;
        Document = document;
    }

    public void Publish(DateOnly effectiveFrom, DateTimeOffset now)
    {
        if (Status != PolicyStatus.Draft)
            throw new ConflictException("invalid-state", $"Policy version {Version} is already published.");
        Status = PolicyStatus.Published;
        EffectiveFrom = effectiveFrom;
        PublishedAt = now;
    }
}

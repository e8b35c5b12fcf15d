using InternalStore.Application.Authority;
using InternalStore.Application.Common;
using InternalStore.Domain.Common;
using InternalStore.Domain.Pricing;
using Microsoft.EntityFrameworkCore;

namespace InternalStore.Application.Policies;

/// <summary>
/// HR manages the policies of their own company and of the companies below it: the parent's HR
/// manages the group default (the parent's policy) and every subsidiary's.
/// </summary>
internal static class PolicyAccess
{
    public static async Task<PolicyVersion> LoadVisibleAsync(this IStoreDb db, CallerScope scope, Guid id,
        CancellationToken cancellationToken)
    {
        var policy = await db.Policies.FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        return policy is not null && scope.Covers(policy.CompanyCode)
            ? policy
            : throw new NotFoundException("Policy", id.ToString());
    }

    public static void EnsureCanManage(this CallerScope scope, string company)
    {
        if (!scope.Chart.HasCompany(company))
            throw new NotFoundException("Company", company);
        if (!scope.Covers(company))
            throw new ForbiddenException($"HR of {scope.Caller.Company} cannot manage the policy of {company}.");
    }

    /// <summary>Ids of the versions in force today, one per company at most.</summary>
    public static async Task<HashSet<Guid>> InForceIdsAsync(this IStoreDb db, IReadOnlyCollection<string> companies,
        DateOnly today, CancellationToken cancellationToken)
    {
        var published = await db.Policies.AsNoTracking()
            .Where(p => companies.Contains(p.CompanyCode) && p.Status == PolicyStatus.Published && p.EffectiveFrom <= today)
            .Select(p => new { p.Id, p.CompanyCode, p.EffectiveFrom, p.Version })
            .ToListAsync(cancellationToken);
        return published.GroupBy(p => p.CompanyCode)
            .Select(g => g.OrderByDescending(p => p.EffectiveFrom).ThenByDescending(p => p.Version).First().Id)
            .ToHashSet();
    }

    public static PolicyVersionDto ToDto(this PolicyVersion p, bool inForce) => new(p.Id, p.CompanyCode, p.Version, p.Name,
        p.Status.WireName(), p.EffectiveFrom, inForce, p.CreatedBy, p.CreatedAt, p.PublishedAt,
        PolicyDocument.ToJson(p.Document));

    /// <summary>Writes one audit entry per field that differs between two states.</summary>
    public static void Audit(this IStoreDb db, Guid policyId, string action, string by, DateTimeOffset at,
        IReadOnlyDictionary<string, string?> before, IReadOnlyDictionary<string, string?> after)
    {
        foreach (var field in before.Keys.Union(after.Keys).Order(StringComparer.Ordinal))
        {
            before.TryGetValue(field, out var old);
            after.TryGetValue(field, out var now);
            if (old != now)
                db.PolicyAudit.Add(new PolicyAuditEntry(policyId, at, by, action, field, old, now));
        }
    }

    /// <summary>The audited fields of a version: its name, status, effective date and every leaf of its document.</summary>
    public static Dictionary<string, string?> AuditedFields(this PolicyVersion? p)
    {
        if (p is null)
            return [];
        var fields = PolicyDocument.Flatten(p.Document).ToDictionary(f => "document." + f.Key, f => f.Value);
        fields["name"] = p.Name;
        fields["status"] = p.Status.WireName();
        fields["effectiveFrom"] = p.EffectiveFrom?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return fields;
    }
}

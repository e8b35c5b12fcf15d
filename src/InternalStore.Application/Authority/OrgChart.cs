using InternalStore.Domain.People;

namespace InternalStore.Application.Authority;

/// <summary>
/// The group as it stands: companies with their parent chain and their cost centres. Built once per
/// change (cached by <see cref="OrganisationAuthority"/>) and read by every scope decision, so "below"
/// and "the same group" mean one thing everywhere.
/// </summary>
public sealed class OrgChart
{
    private readonly Dictionary<string, string?> _parents;
    private readonly Dictionary<string, string> _costCenterCompany;
    private readonly Dictionary<string, IReadOnlySet<string>> _selfAndBelow;

    public OrgChart(IEnumerable<Company> companies, IEnumerable<CostCenter> costCenters)
    {
        _parents = companies.ToDictionary(c => c.Code, c => c.ParentCode, StringComparer.Ordinal);
        _costCenterCompany = costCenters.ToDictionary(c => c.Code, c => c.CompanyCode, StringComparer.Ordinal);
        _selfAndBelow = _parents.Keys.ToDictionary(code => code, Descend, StringComparer.Ordinal);
        Top = _parents.Where(p => p.Value is null).Select(p => p.Key).Order(StringComparer.Ordinal).FirstOrDefault();
    }

    /// <summary>
    /// The store's group parent: the company without a parent (the first by code, should the organisation
    /// hold companies of another group too); null in an empty store.
    /// </summary>
    public string? Top { get; }

    public IReadOnlyCollection<string> Companies => _parents.Keys;

    public bool HasCompany(string code) => _parents.ContainsKey(code);

    /// <summary>The company whose cost centre this is; null for a code the group does not have.</summary>
    public string? CompanyOfCostCenter(string code) => _costCenterCompany.GetValueOrDefault(code);

    /// <summary>The company and every company below it; empty for an unknown code.</summary>
    public IReadOnlySet<string> SelfAndBelow(string? code) =>
        code is not null && _selfAndBelow.TryGetValue(code, out var set) ? set : EmptySet;

    /// <summary>The company and its ancestors, nearest first; for null, the top company alone.</summary>
    public IReadOnlyList<string> Chain(string? code)
    {
        var chain = new List<string>();
        var current = code ?? Top;
        while (current is not null && _parents.TryGetValue(current, out var parent) && !chain.Contains(current))
        {
            chain.Add(current);
            current = parent;
        }

        return chain;
    }

    /// <summary>The top company above <paramref name="code"/>; null for an unknown code.</summary>
    public string? GroupOf(string code) => Chain(code) is { Count: > 0 } chain ? chain[^1] : null;

    private static readonly IReadOnlySet<string> EmptySet = new HashSet<string>();

    private IReadOnlySet<string> Descend(string code)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        var frontier = new Queue<string>([code]);
        while (frontier.TryDequeue(out var next))
        {
            if (!found.Add(next))
                continue;
            foreach (var child in _parents.Where(p => p.Value == next))
                frontier.Enqueue(child.Key);
        }

        return found;
    }
}

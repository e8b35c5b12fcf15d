using InternalStore.Application.Common;

namespace InternalStore.Application.Authority;

/// <summary>
/// A caller whose claims the organisation confirmed, with the companies their company-wide roles
/// (<see cref="Reach.CompanyAndBelow"/>) cover. The operator (CLI, workers) covers every company.
/// </summary>
public sealed class CallerScope(Caller caller, OrgChart chart, IReadOnlySet<string> companies)
{
    public Caller Caller { get; } = caller;
    public OrgChart Chart { get; } = chart;

    /// <summary>The companies the caller's hr/finance roles act on: their own and those below it.</summary>
    public IReadOnlySet<string> Companies { get; } = companies;

    public bool Covers(string? company) => company is not null && Companies.Contains(company);

    /// <summary>The group's parent is covered: the caller acts for the whole group.</summary>
    public bool CoversGroup => Chart.Top is not null && Covers(Chart.Top);
}

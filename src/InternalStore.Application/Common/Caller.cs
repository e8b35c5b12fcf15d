namespace InternalStore.Application.Common;

/// <summary>Well-known role names, as they appear in the <c>role</c> claim.</summary>
public static class Roles
{
    public const string Employee = "employee";
    public const string Hr = "hr";
    public const string Finance = "finance";
    public const string Catalog = "catalog";
    public const string DepartmentBuyer = "department-buyer";
    public const string AffiliateBuyer = "affiliate-buyer";

    /// <summary>Runs a cost centre's internal services (its rate card and the usage it records).</summary>
    public const string ServiceProvider = "service-provider";

    /// <summary>Given to SCIM tokens (an identity provider provisioning one company's people), never to a person.</summary>
    public const string ScimProvisioner = "scim-provisioner";

    /// <summary>Given to storefront API keys, never to a person.</summary>
    public const string Storefront = "storefront";

    public static readonly IReadOnlyList<string> People =
        [Employee, Hr, Finance, Catalog, DepartmentBuyer, AffiliateBuyer, ServiceProvider];
}

/// <summary>Who is calling, as the API's authentication established it.</summary>
/// <param name="Subject">Person id (<c>sub</c>), or <c>apikey:{id}</c> for a storefront key.</param>
public sealed record Caller(
    string Subject,
    IReadOnlySet<string> Roles,
    string? Company,
    string? CostCenter = null,
    string? Affiliate = null)
{
    public bool IsStorefront => Roles.Contains(Common.Roles.Storefront);
    public bool IsInRole(string role) => Roles.Contains(role);

    /// <summary>Unit costs are commercially sensitive: only catalog and finance staff see them.</summary>
    public bool CanSeeCost => IsInRole(Common.Roles.Catalog) || IsInRole(Common.Roles.Finance);

    /// <summary>Inactive products are visible to the people who manage the catalog only.</summary>
    public bool CanSeeInactiveProducts => IsInRole(Common.Roles.Catalog);

    /// <summary>
    /// The operator: the CLI and the workers, who act for the whole store with database access. Never
    /// set from a token; <see cref="Authority.OrganisationAuthority"/> gives it every company.
    /// </summary>
    public bool IsOperator { get; init; }

    public static Caller System { get; } = new("system", new HashSet<string>(), null) { IsOperator = true };
}

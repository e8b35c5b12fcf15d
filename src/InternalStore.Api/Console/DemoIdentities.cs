using InternalStore.Application.Common;

namespace InternalStore.Api.Console;

/// <summary>The demo people of docs/api.md, offered on the console's sign-in page when demo sign-in is on.</summary>
public sealed record DemoIdentity(string Subject, string Role, string? Company, string? CostCenter, string Description,
    string? Affiliate = null)
{
    public bool Buys => ShopPolicies.BuyerRoles.Contains(Role);

    public static readonly IReadOnlyList<DemoIdentity> All =
    [
        new("H0001", Roles.Hr, "JKL", null, "JKL group HR (every company of the group)"),
        new("F0001", Roles.Finance, "JKL", null, "JKL group finance (every company; sets the transfer-pricing markups)"),
        new("H9001", Roles.Hr, "ABC", null, "ABC HR administrator"),
        new("F9001", Roles.Finance, "ABC", null, "ABC finance"),
        new("F9002", Roles.Finance, "ABC", null, "ABC finance, a second person (approves F9001's offers)"),
        new("F2001", Roles.Finance, "XYZ", null, "XYZ finance"),
        new("C9001", Roles.Catalog, "ABC", null, "ABC catalog manager"),
        new("E1001", Roles.Employee, "ABC", null, "ABC employee, grade 5 (no console access)"),
        new("E1002", Roles.Employee, "ABC", null, "ABC employee, grade 8"),
        new("E1003", Roles.Employee, "ABC", null, "ABC employee on probation (external prices)"),
        new("E1004", Roles.Employee, "ABC", null, "ABC employee, terminated (external prices)"),
        new("E2001", Roles.Employee, "XYZ", null, "XYZ employee"),
        new("D1200", Roles.DepartmentBuyer, "ABC", "CC-1200", "ABC Dispatch buyer (no console access)"),
        new("S4100", Roles.ServiceProvider, "ABC", "CC-4100", "ABC IT service provider (support hours, laptop set-ups)"),
        new("S1100", Roles.ServiceProvider, "ABC", "CC-1100", "ABC Packing service provider (pallets for Dispatch)"),
        new("A3001", Roles.AffiliateBuyer, "ABC", null, "XYZ buying from ABC (intercompany)", Affiliate: "XYZ"),
    ];
}

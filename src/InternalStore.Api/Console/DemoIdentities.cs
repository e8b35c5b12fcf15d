using InternalStore.Application.Common;

namespace InternalStore.Api.Console;

/// <summary>The demo people of docs/api.md, offered on the console's sign-in page when demo sign-in is on.</summary>
public sealed record DemoIdentity(string Subject, string Role, string Company, string? CostCenter, string Description)
{
    public static readonly IReadOnlyList<DemoIdentity> All =
    [
        new("H0001", Roles.Hr, "JKL", null, "JKL group HR (every company of the group)"),
        new("F0001", Roles.Finance, "JKL", null, "JKL group finance (every company; sets the transfer-pricing markups)"),
        new("H9001", Roles.Hr, "ABC", null, "ABC HR administrator"),
        new("F9001", Roles.Finance, "ABC", null, "ABC finance"),
        new("F2001", Roles.Finance, "XYZ", null, "XYZ finance"),
        new("C9001", Roles.Catalog, "ABC", null, "ABC catalog manager"),
        new("E1001", Roles.Employee, "ABC", null, "ABC employee (no console access)"),
        new("D1200", Roles.DepartmentBuyer, "ABC", "CC-1200", "ABC Dispatch buyer (no console access)"),
    ];
}

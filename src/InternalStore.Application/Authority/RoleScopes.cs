using InternalStore.Application.Common;

namespace InternalStore.Application.Authority;

/// <summary>How far a role reaches in the organisation.</summary>
public enum Reach
{
    /// <summary>The caller's own records only (their orders, allowance, benefits).</summary>
    Own,

    /// <summary>The caller's company and every company below it: the parent's staff see the group.</summary>
    CompanyAndBelow,

    /// <summary>The caller's cost centre (which must belong to their company): its services and the usage it records.</summary>
    CostCentre,

    /// <summary>The store's catalog, which the group shares (products carry no company).</summary>
    Store,
}

/// <summary>One row of the authority model: a role, the claims it must carry, how far it reaches and over what.</summary>
public sealed record RoleScope(string Role, IReadOnlyList<string> RequiredClaims, Reach Reach, string Over);

/// <summary>
/// The scope of every role, written once. <see cref="OrganisationAuthority"/> checks the claims of this
/// table against the organisation on every request; handlers ask <see cref="CallerScope"/> whether a
/// company is covered. README and docs/security.md show this table.
/// </summary>
public static class RoleScopes
{
    public const string CompanyClaim = "company";
    public const string CostCenterClaim = "cost_center";
    public const string AffiliateClaim = "affiliate";

    public static readonly IReadOnlyList<RoleScope> All =
    [
        new(Roles.Employee, [], Reach.Own,
            "their own quotes, orders, checkout, refunds within the window, allowance and benefits; priced by the roster's company (a company claim must match it)"),
        new(Roles.DepartmentBuyer, [CompanyClaim, CostCenterClaim], Reach.Own,
            "orders for their cost centre (which must belong to their company) at the transfer price, charged back to that centre; that centre's statement, its acceptance and disputes"),
        new(Roles.AffiliateBuyer, [AffiliateClaim], Reach.Own,
            "orders for the affiliate company (of the seller's group, not the seller) at the intercompany price, invoiced to it; the seller is the company claim, or the group's parent when that names the affiliate itself or nothing"),
        new(Roles.Hr, [CompanyClaim], Reach.CompanyAndBelow,
            "people, roster imports, discount policies, staff promotions (which apply to the employees of the promotion's company and below), employee orders of those companies"),
        new(Roles.Finance, [CompanyClaim], Reach.CompanyAndBelow,
            "orders bought or sold by those companies, payroll deductions, taxable benefits, gross-profit settings, invoices and chargebacks, internal services and usage, month-end close, cost-centre statements and disputes; the group's transfer-pricing markups only from the parent company"),
        new(Roles.ServiceProvider, [CompanyClaim, CostCenterClaim], Reach.CostCentre,
            "the internal services their cost centre supplies (rate cards), the usage it records for consuming centres, and disputes of those lines"),
        new(Roles.Catalog, [CompanyClaim], Reach.Store,
            "products, stock (including returns to stock), public promotions, fulfilment"),
        new(Roles.ScimProvisioner, [CompanyClaim], Reach.CompanyAndBelow,
            "SCIM 2.0 provisioning of the employees of those companies: joiners, changes, leavers (audited like HR's edits); held by an identity provider's token, never by a person"),
    ];

    public static RoleScope? Of(string role) => All.FirstOrDefault(r => r.Role == role);
}

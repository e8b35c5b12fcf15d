using System.ComponentModel.DataAnnotations;
using InternalStore.Application.Authority;
using InternalStore.Application.Checkout;
using InternalStore.Application.Common;
using InternalStore.Application.People;
using InternalStore.Domain.Common;
using InternalStore.Domain.People;
using Microsoft.EntityFrameworkCore;

namespace InternalStore.Application.Provisioning;

/// <summary>
/// Applies what an identity provider says to the roster, within its token's companies: one write path
/// for POST, PUT and PATCH, audited field by field like HR's edits (by the token's prefix, <c>scim_…</c>). A
/// person who becomes inactive leaves that day (or on the extension's terminationDate): their next
/// quote is at list price and what they owe and subscribe to ends with their final pay, as when HR
/// records a leaver. A move between companies stays HR's (POST /api/employees/{id}/move).
/// </summary>
public sealed class ScimProvisioner(IStoreDb db, OrganisationAuthority authority, TimeProvider clock, PayrollTermination payroll)
{
    private static readonly EmailAddressAttribute EmailRule = new();

    /// <summary>A provisioned person in the caller's companies; 404 for anyone else (and for a person the provider let go).</summary>
    public async Task<Employee> FindAsync(Caller caller, string id, CancellationToken cancellationToken)
    {
        var scope = await authority.ScopeOfAsync(caller, cancellationToken);
        var employee = await db.Employees.FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (employee is null || employee.UserName is null || !scope.Covers(employee.CompanyCode))
            throw new NotFoundException("User", id);
        return employee;
    }

    /// <summary>
    /// A joiner. A roster record of the same employee number that no provider has provisioned yet is
    /// taken over (its fields updated, its history kept): a company that imported its roster before
    /// connecting its identity provider is not asked to start again.
    /// </summary>
    public async Task<Employee> CreateAsync(Caller caller, ScimUserInput input, CancellationToken cancellationToken)
    {
        var scope = await authority.ScopeOfAsync(caller, cancellationToken);
        var company = await CompanyOfAsync(input.Organization, caller.Company!, cancellationToken);
        if (!scope.Covers(company))
            throw new ForbiddenException($"This token provisions {string.Join(", ", scope.Companies.Order(StringComparer.Ordinal))}; {company} is not one of them.");
        var id = input.EmployeeNumber
            ?? throw ScimJson.Invalid("employeeNumber",
                $"{ScimSchemas.EnterpriseUser}:employeeNumber is required: the store, payroll and HR know a person by it.");
        if (id.Length > 40)
            throw ScimJson.Invalid("employeeNumber", "employeeNumber has at most 40 characters.");
        await EnsureUserNameFreeAsync(input.UserName, id, cancellationToken);

        var employee = await db.Employees.FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (employee is not null)
        {
            if (!scope.Covers(employee.CompanyCode))
                throw new ConflictException(ScimErrors.Uniqueness, $"Employee number {id} is in use.");
            if (employee.UserName is not null)
                throw new ConflictException(ScimErrors.Uniqueness, $"Employee {id} is provisioned already, as {employee.UserName}.");
            if (employee.CompanyCode != company)
                throw MoveRefused(employee, company);
            await ApplyAsync(caller, employee, input, EmployeeAudit.Fields(employee), cancellationToken);
            return employee;
        }

        var today = Today();
        var costCenter = await CostCenterOfAsync(company, input.Department.Value, cancellationToken);
        var hired = input.HireDate ?? today;
        employee = new Employee(id, input.Name, input.Email, company, costCenter, input.Grade ?? 0, hired);
        var before = EmployeeAudit.Fields(employee).ToDictionary(f => f.Key, _ => (string?)null);
        db.Employees.Add(employee);
        await ApplyAsync(caller, employee, input, before, cancellationToken);
        return employee;
    }

    /// <summary>A PUT, or a patched representation: everything the request asserts replaces what is stored.</summary>
    public async Task ReplaceAsync(Caller caller, Employee employee, ScimUserInput input, CancellationToken cancellationToken)
    {
        if (input.EmployeeNumber is not null && input.EmployeeNumber != employee.Id)
            throw new DomainValidationException(ScimErrors.Mutability, "employeeNumber",
                $"The employee number of {employee.Id} cannot change; it is the person's id.");
        if (input.Organization is not null
            && await CompanyOfAsync(input.Organization, employee.CompanyCode, cancellationToken) is var company
            && company != employee.CompanyCode)
            throw MoveRefused(employee, company);
        await EnsureUserNameFreeAsync(input.UserName, employee.Id, cancellationToken);
        await ApplyAsync(caller, employee, input, EmployeeAudit.Fields(employee), cancellationToken);
    }

    /// <summary>The provider let the person go (DELETE): they leave today if still employed, and are no longer provisioned. Never erased.</summary>
    public async Task ReleaseAsync(Caller caller, Employee employee, CancellationToken cancellationToken)
    {
        var before = EmployeeAudit.Fields(employee);
        var leaving = employee.Status == EmploymentStatus.Active;
        if (leaving)
            employee.Terminate(LeavingDate(employee, null));
        employee.UnlinkIdentity();
        db.AuditEmployee(employee, before, caller.Subject, clock.GetUtcNow());
        if (leaving)
            await payroll.CollapseAsync(employee, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task ApplyAsync(Caller caller, Employee employee, ScimUserInput input, Dictionary<string, string?> before,
        CancellationToken cancellationToken)
    {
        if (!EmailRule.IsValid(input.Email) || input.Email.Length > 320)
            throw ScimJson.Invalid("emails", $"'{input.Email}' is not an email address.");
        var costCenter = input.Department.IsAsserted
            ? await CostCenterOfAsync(employee.CompanyCode, input.Department.Value, cancellationToken)
            : employee.CostCenterCode;
        var hired = input.HireDate ?? employee.HireDate;
        var wasActive = employee.Status == EmploymentStatus.Active;
        var status = input.Active ? EmploymentStatus.Active : EmploymentStatus.Terminated;
        // A leaver already recorded keeps their date unless the request names another.
        DateOnly? left = input.Active ? null
            : input.TerminationDate ?? (wasActive ? null : employee.TerminationDate) ?? LeavingDate(employee, hired);
        if (left < hired)
            throw ScimJson.Invalid("terminationDate", $"A person cannot leave ({left:yyyy-MM-dd}) before being hired ({hired:yyyy-MM-dd}).");

        employee.Change(input.Name, input.Email, costCenter, input.Grade ?? employee.Grade, status, hired, left);
        employee.LinkIdentity(input.UserName, input.ExternalId, input.GivenName, input.FamilyName);
        db.AuditEmployee(employee, before, caller.Subject, clock.GetUtcNow());
        if (wasActive && status == EmploymentStatus.Terminated)
            await payroll.CollapseAsync(employee, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Today, or the hire date of someone who leaves before starting.</summary>
    private DateOnly LeavingDate(Employee employee, DateOnly? hired)
    {
        var today = Today();
        var start = hired ?? employee.HireDate;
        return today < start ? start : today;
    }

    private DateOnly Today() => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private async Task EnsureUserNameFreeAsync(string userName, string id, CancellationToken cancellationToken)
    {
        var normalized = Employee.NormalizeUserName(userName);
        if (await db.Employees.AnyAsync(e => e.NormalizedUserName == normalized && e.Id != id, cancellationToken))
            throw new ConflictException(ScimErrors.Uniqueness, $"userName '{userName}' is provisioned already.");
    }

    /// <summary>The company an <c>organization</c> names, by code or by name; <paramref name="fallback"/> when none is named.</summary>
    private async Task<string> CompanyOfAsync(string? organization, string fallback, CancellationToken cancellationToken)
    {
        if (organization is null)
            return fallback;
        var chart = await authority.ChartAsync(cancellationToken);
        if (chart.HasCompany(organization))
            return organization;
        var upper = organization.ToUpperInvariant();
        var named = await db.Companies.AsNoTracking().Where(c => c.Name.ToUpper() == upper).Select(c => c.Code).ToListAsync(cancellationToken);
        return named.Count == 1
            ? named[0]
            : throw ScimJson.Invalid("organization", $"organization '{organization}' is neither the code nor the name of a company of the group.");
    }

    /// <summary>The cost centre a <c>department</c> names in the company, by code or by name (Entra sends the name).</summary>
    private async Task<string?> CostCenterOfAsync(string company, string? department, CancellationToken cancellationToken)
    {
        if (department is null)
            return null;
        var centres = await db.CostCenters.AsNoTracking().Where(c => c.CompanyCode == company).ToListAsync(cancellationToken);
        var match = centres.FirstOrDefault(c => c.Code == department)?.Code;
        var named = centres.Where(c => string.Equals(c.Name, department, StringComparison.OrdinalIgnoreCase)).ToList();
        return match ?? (named.Count == 1
            ? named[0].Code
            : throw ScimJson.Invalid("department", $"department '{department}' is neither the code nor the name of one cost centre of {company}."));
    }

    private static DomainValidationException MoveRefused(Employee employee, string company) => new(ScimErrors.Mutability, "organization",
        $"{employee.Id} works for {employee.CompanyCode}; a move to {company} is HR's (POST /api/employees/{employee.Id}/move), not the identity provider's.");
}

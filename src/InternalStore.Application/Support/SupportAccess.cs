using InternalStore.Application.Authority;
using InternalStore.Application.Common;
using InternalStore.Domain.Common;
using InternalStore.Domain.Support;
using Microsoft.EntityFrameworkCore;

namespace InternalStore.Application.Support;

/// <summary>
/// Who sees and works which case, in one place: the requester sees their own (never its internal notes);
/// a team's staff (store operations = catalog, HR, finance) of the case's company or a company above it
/// see and work that team's queue. Anyone else is answered 404, as for a case that does not exist.
/// </summary>
public sealed class SupportAccess(IStoreDb db, OrganisationAuthority authority)
{
    public static readonly string[] RequesterRoles = [Roles.Employee, Roles.DepartmentBuyer, Roles.AffiliateBuyer];

    public static string RoleOf(SupportTeam team) => team switch
    {
        SupportTeam.StoreOperations => Roles.Catalog,
        SupportTeam.Hr => Roles.Hr,
        _ => Roles.Finance,
    };

    public static bool IsRequester(Caller caller, SupportCase @case) => @case.RequesterId == caller.Subject;

    /// <summary>The teams the caller works on, by role.</summary>
    public static IReadOnlyList<SupportTeam> TeamsOf(Caller caller) =>
        Enum.GetValues<SupportTeam>().Where(t => caller.IsInRole(RoleOf(t))).ToList();

    /// <summary>The companies whose queues the caller's staff roles cover: their company and those below.</summary>
    public async Task<IReadOnlySet<string>> StaffCompaniesAsync(Caller caller, CancellationToken ct)
    {
        var chart = await authority.ChartAsync(ct);
        return caller.IsOperator ? chart.Companies.ToHashSet() : chart.SelfAndBelow(caller.Company);
    }

    public async Task<bool> WorksOnAsync(Caller caller, SupportCase @case, CancellationToken ct) =>
        caller.IsInRole(RoleOf(@case.Team)) && (await StaffCompaniesAsync(caller, ct)).Contains(@case.Company);

    /// <summary>The case, tracked, if the caller is its requester or works on it; else 404.</summary>
    public async Task<(SupportCase Case, bool Staff)> CaseAsync(Caller caller, Guid id, CancellationToken ct)
    {
        var @case = await db.SupportCases.AsSplitQuery().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (@case is null)
            throw new NotFoundException("Case", id.ToString());
        if (await WorksOnAsync(caller, @case, ct))
            return (@case, true);
        if (IsRequester(caller, @case))
            return (@case, false);
        throw new NotFoundException("Case", id.ToString());
    }

    /// <summary>The company a buyer's cases go to: the roster's for an employee, the cost centre's, the affiliate's.</summary>
    public async Task<string> RequesterCompanyAsync(Caller caller, CancellationToken ct)
    {
        if (caller.IsInRole(Roles.AffiliateBuyer) && caller.Affiliate is { } affiliate)
            return affiliate;
        if (caller.IsInRole(Roles.Employee))
        {
            var company = await db.Employees.AsNoTracking().Where(e => e.Id == caller.Subject).Select(e => e.CompanyCode).FirstOrDefaultAsync(ct);
            if (company is not null)
                return company;
        }

        return caller.Company ?? throw new ForbiddenException("A case goes to a company's team; this caller names none.");
    }

    /// <summary>The calendar of a company's support targets (Monday-Friday 09:00-17:00 UTC until it sets its own).</summary>
    public async Task<BusinessCalendar> CalendarAsync(string company, CancellationToken ct) =>
        (await db.SupportCalendars.AsNoTracking().FirstOrDefaultAsync(c => c.Company == company, ct))?.ToCalendar() ?? BusinessCalendar.Default;
}

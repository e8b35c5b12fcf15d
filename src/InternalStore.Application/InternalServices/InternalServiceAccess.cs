using InternalStore.Application.Authority;
using InternalStore.Application.Common;
using InternalStore.Domain.Common;
using InternalStore.Domain.InternalServices;
using Microsoft.EntityFrameworkCore;

namespace InternalStore.Application.InternalServices;

/// <summary>
/// Who may see and change internal services, usage and statements, in one place: the supplying centre's
/// service provider manages its own; finance of a company (and those above it) sees what its companies
/// supply or consume; a department buyer sees its own centre's statement and the group's rate cards.
/// </summary>
public sealed class InternalServiceAccess(IStoreDb db, OrganisationAuthority authority)
{
    /// <summary>The caller runs this supplying cost centre.</summary>
    public static bool Provides(Caller caller, string costCenter) =>
        caller.IsInRole(Roles.ServiceProvider) && caller.CostCenter == costCenter;

    /// <summary>The caller buys for this consuming cost centre.</summary>
    public static bool BuysFor(Caller caller, string costCenter) =>
        caller.IsInRole(Roles.DepartmentBuyer) && caller.CostCenter == costCenter;

    /// <summary>Finance (or the operator) whose scope covers one of the companies.</summary>
    public async Task<bool> FinanceCoversAsync(Caller caller, CancellationToken ct, params string?[] companies)
    {
        if (!caller.IsOperator && !caller.IsInRole(Roles.Finance))
            return false;
        var scope = await authority.ScopeOfAsync(caller, ct);
        return companies.Any(scope.Covers);
    }

    public async Task<bool> MayReadAsync(Caller caller, InternalService service, CancellationToken ct)
    {
        if (Provides(caller, service.SupplierCostCenter) || await FinanceCoversAsync(caller, ct, service.Company))
            return true;
        if (!caller.IsInRole(Roles.DepartmentBuyer))
            return false;
        var chart = await authority.ChartAsync(ct);
        return chart.GroupOf(caller.Company!) == chart.GroupOf(service.Company);
    }

    /// <summary>The service (tracked) for its provider to change; 404 when the caller may not see it, 403 when they only read it.</summary>
    public async Task<InternalService> ToManageAsync(Caller caller, string id, CancellationToken ct)
    {
        var service = await db.InternalServices.Include(s => s.Rates).FirstOrDefaultAsync(s => s.Id == id, ct);
        if (service is null || !await MayReadAsync(caller, service, ct))
            throw new NotFoundException("Internal service", id);
        if (!Provides(caller, service.SupplierCostCenter))
            throw new ForbiddenException($"Only the service provider of {service.SupplierCostCenter} changes {service.Id}.");
        return service;
    }

    public async Task<bool> MaySeeUsageAsync(Caller caller, UsageEntry entry, CancellationToken ct) =>
        Provides(caller, entry.SupplierCostCenter) || await FinanceCoversAsync(caller, ct, entry.SupplierCompany, entry.ConsumerCompany);

    /// <summary>Who answers a dispute: the supplying centre's provider (services) or finance of the supplying company.</summary>
    public async Task<bool> MayResolveAsync(Caller caller, StatementDispute dispute, CancellationToken ct) =>
        (dispute.SupplierCostCenter is { } centre && Provides(caller, centre))
        || await FinanceCoversAsync(caller, ct, dispute.SupplierCompany);

    public async Task<bool> MaySeeDisputeAsync(Caller caller, StatementDispute dispute, CancellationToken ct) =>
        BuysFor(caller, dispute.CostCenter) || await MayResolveAsync(caller, dispute, ct)
        || await FinanceCoversAsync(caller, ct, dispute.ConsumerCompany);

    /// <summary>A consuming cost centre of the supplier's group other than the supplier itself, or 400 <c>unknown-cost-centre</c>.</summary>
    /// <returns>The consuming centre's company.</returns>
    public async Task<string> ConsumerCompanyAsync(string? code, string supplierCostCenter, string supplierCompany, string field,
        CancellationToken ct)
    {
        var chart = await authority.ChartAsync(ct);
        var company = code is null ? null : chart.CompanyOfCostCenter(code);
        if (company is null || chart.GroupOf(company) != chart.GroupOf(supplierCompany))
            throw new DomainValidationException("unknown-cost-centre", field, $"There is no cost centre '{code}' in the group.");
        if (code == supplierCostCenter)
            throw new DomainValidationException("validation", field, $"{supplierCostCenter} supplies this service; a centre does not charge itself.");
        return company;
    }
}

using FluentValidation;
using InternalStore.Application.Authority;
using InternalStore.Application.Common;
using InternalStore.Domain.InternalServices;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InternalStore.Application.InternalServices;

/// <summary>
/// A month's usage (default: this month), newest first, with its running total: a provider sees its own
/// centre's entries, finance those its companies supply or consume. Totals count every entry; the list
/// shows the newest <see cref="MaxEntries"/>.
/// </summary>
public sealed record ListUsageQuery(Caller Caller, string? Month, string? Consumer, string? Service) : IQuery<UsageListDto>, ICallerMessage
{
    public const int MaxEntries = 500;
}

public sealed class ListUsageValidator : AbstractValidator<ListUsageQuery>
{
    public ListUsageValidator()
    {
        RuleFor(x => x.Month).Must(m => m is null || AccountingMonth.TryParse(m, out _)).WithMessage("month is YYYY-MM, e.g. 2026-11.")
            .OverridePropertyName("month");
        RuleFor(x => x.Consumer).MaximumLength(20).OverridePropertyName("consumer");
        RuleFor(x => x.Service).MaximumLength(InternalService.MaxIdLength).OverridePropertyName("service");
    }
}

public sealed class ListUsageHandler(IStoreDb db, OrganisationAuthority authority, UsagePricing pricing, TimeProvider clock,
    IOptions<Pricing.PricingOptions> options) : IQueryHandler<ListUsageQuery, UsageListDto>
{
    public async ValueTask<UsageListDto> Handle(ListUsageQuery query, CancellationToken cancellationToken)
    {
        var caller = query.Caller;
        var month = query.Month is { } text && AccountingMonth.TryParse(text, out var parsed) ? parsed
            : AccountingMonth.Of(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        var (first, last) = (month.First, month.Last);
        var entries = db.UsageEntries.AsNoTracking().Where(e => e.Date >= first && e.Date <= last);
        if (caller.IsInRole(Roles.ServiceProvider) && !caller.IsInRole(Roles.Finance))
        {
            var centre = caller.CostCenter;
            entries = entries.Where(e => e.SupplierCostCenter == centre);
        }
        else
        {
            var companies = (await authority.ScopeOfAsync(caller, cancellationToken)).Companies.ToList();
            var centre = caller.IsInRole(Roles.ServiceProvider) ? caller.CostCenter : null;
            entries = entries.Where(e => companies.Contains(e.SupplierCompany) || companies.Contains(e.ConsumerCompany)
                                         || e.SupplierCostCenter == centre);
        }

        if (!string.IsNullOrWhiteSpace(query.Consumer))
            entries = entries.Where(e => e.ConsumerCostCenter == query.Consumer);
        if (!string.IsNullOrWhiteSpace(query.Service))
            entries = entries.Where(e => e.ServiceId == query.Service);
        var all = await entries.OrderByDescending(e => e.Date).ThenByDescending(e => e.EnteredAt).ToListAsync(cancellationToken);
        var priced = await pricing.PreviewAsync(all, cancellationToken);
        var currency = options.Value.Currency;
        var supplierCompanies = all.Select(e => e.SupplierCompany).Append(caller.Company ?? "").Distinct().ToList();
        var closed = await db.AccountingPeriods.AsNoTracking()
            .AnyAsync(p => p.Month == month.ToString() && p.ClosedAt != null && supplierCompanies.Contains(p.Company), cancellationToken);
        return new UsageListDto(month.ToString(), query.Consumer, query.Service, closed, all.Count, all.Sum(e => e.Quantity).Plain(),
            InternalStore.Pricing.Currencies.ToMinorUnitScale(priced.Sum(p => p.Amount), currency), currency,
            priced.Take(ListUsageQuery.MaxEntries).Select(p => p.Entry.ToDto((p.UnitRate ?? 0m, p.Amount))).ToList());
    }
}

using FluentValidation;
using InternalStore.Application.Authority;
using InternalStore.Application.Common;
using InternalStore.Domain.Common;
using InternalStore.Domain.InternalServices;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InternalStore.Application.InternalServices;

/// <summary>What one consuming centre used of one service in a month (IT's support hours for Marketing in November).</summary>
/// <param name="Final">Every entry behind it is priced (its supplier closed the month); else the amount is a preview.</param>
public sealed record InternalCostRowDto(string Month, string Consumer, string ConsumerName, string ConsumerCompany, string Supplier,
    string SupplierName, string Service, string ServiceName, string Unit, decimal Quantity, decimal Amount, bool Final);

/// <summary>What a supplying centre charged out in a month, to how many consumers.</summary>
public sealed record SupplierMonthDto(string Month, string Supplier, string SupplierName, string Company, int Consumers, decimal Amount);

public sealed record InternalCostsDto(string From, string To, string Currency, IReadOnlyList<string> Months,
    IReadOnlyList<InternalCostRowDto> Rows, IReadOnlyList<SupplierMonthDto> Suppliers, decimal Total);

/// <summary>Finance's report of internal service costs from one month to another (at most 24), for the companies it covers.</summary>
public sealed record GetInternalCostsQuery(Caller Caller, string? From, string? To) : IQuery<InternalCostsDto>, ICallerMessage
{
    public const int MaxMonths = 24;
}

public sealed class GetInternalCostsValidator : AbstractValidator<GetInternalCostsQuery>
{
    public GetInternalCostsValidator()
    {
        RuleFor(x => x.From).Must(m => m is null || AccountingMonth.TryParse(m, out _)).WithMessage("from is a month, YYYY-MM.")
            .OverridePropertyName("from");
        RuleFor(x => x.To).Must(m => m is null || AccountingMonth.TryParse(m, out _)).WithMessage("to is a month, YYYY-MM.")
            .OverridePropertyName("to");
        RuleFor(x => x).Must(x => !AccountingMonth.TryParse(x.From, out var f) || !AccountingMonth.TryParse(x.To, out var t)
                                  || (f <= t && (t.Year - f.Year) * 12 + t.Month - f.Month < GetInternalCostsQuery.MaxMonths))
            .WithMessage($"from is a month up to to, at most {GetInternalCostsQuery.MaxMonths} months apart.").OverridePropertyName("to");
    }
}

/// <remarks>Without <c>to</c>, this month; without <c>from</c>, three months before <c>to</c>.</remarks>
public sealed class GetInternalCostsHandler(IStoreDb db, OrganisationAuthority authority, UsagePricing pricing,
    IOptions<Pricing.PricingOptions> options, TimeProvider clock) : IQueryHandler<GetInternalCostsQuery, InternalCostsDto>
{
    public async ValueTask<InternalCostsDto> Handle(GetInternalCostsQuery query, CancellationToken cancellationToken)
    {
        var to = query.To is null ? AccountingMonth.Of(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)) : AccountingMonth.Parse(query.To);
        var from = query.From is null ? AccountingMonth.Of(to.First.AddMonths(-3)) : AccountingMonth.Parse(query.From);
        if (from > to)
            throw new DomainValidationException("validation", "from", $"from is a month up to {to}.");
        var companies = (await authority.ScopeOfAsync(query.Caller, cancellationToken)).Companies.ToList();
        var (first, last) = (from.First, to.Last);
        var entries = await db.UsageEntries.AsNoTracking()
            .Where(e => e.Date >= first && e.Date <= last && (companies.Contains(e.SupplierCompany) || companies.Contains(e.ConsumerCompany)))
            .ToListAsync(cancellationToken);
        var priced = await pricing.PreviewAsync(entries, cancellationToken);
        var names = await db.CostCenters.AsNoTracking().ToDictionaryAsync(c => c.Code, c => c.Name, cancellationToken);
        var currency = options.Value.Currency;
        decimal M(decimal amount) => InternalStore.Pricing.Currencies.ToMinorUnitScale(amount, currency);

        var rows = priced.GroupBy(p => (Month: p.Entry.Month.ToString(), p.Entry.ConsumerCostCenter, p.Entry.ConsumerCompany,
                p.Entry.SupplierCostCenter, p.Entry.ServiceId))
            .Select(g => new InternalCostRowDto(g.Key.Month, g.Key.ConsumerCostCenter, names.GetValueOrDefault(g.Key.ConsumerCostCenter, ""),
                g.Key.ConsumerCompany, g.Key.SupplierCostCenter, names.GetValueOrDefault(g.Key.SupplierCostCenter, ""), g.Key.ServiceId,
                g.First().Entry.ServiceName, g.First().Entry.Unit, g.Sum(p => p.Entry.Quantity).Plain(), M(g.Sum(p => p.Amount)),
                g.All(p => p.Entry.Priced)))
            .OrderBy(r => r.Month, StringComparer.Ordinal).ThenBy(r => r.Supplier, StringComparer.Ordinal)
            .ThenBy(r => r.Consumer, StringComparer.Ordinal).ThenBy(r => r.Service, StringComparer.Ordinal).ToList();
        var suppliers = priced.GroupBy(p => (Month: p.Entry.Month.ToString(), p.Entry.SupplierCostCenter, p.Entry.SupplierCompany))
            .Select(g => new SupplierMonthDto(g.Key.Month, g.Key.SupplierCostCenter, names.GetValueOrDefault(g.Key.SupplierCostCenter, ""),
                g.Key.SupplierCompany, g.Select(p => p.Entry.ConsumerCostCenter).Distinct().Count(), M(g.Sum(p => p.Amount))))
            .OrderBy(s => s.Month, StringComparer.Ordinal).ThenBy(s => s.Supplier, StringComparer.Ordinal).ToList();
        var months = new List<string>();
        for (var m = from; m <= to; m = m.Next)
            months.Add(m.ToString());
        return new InternalCostsDto(from.ToString(), to.ToString(), currency, months, rows, suppliers, M(priced.Sum(p => p.Amount)));
    }
}

/// <summary>The internal-costs report as CSV, through <see cref="SafeCsv"/> (every text cell formula-guarded).</summary>
public static class InternalCostsCsv
{
    public static string Write(InternalCostsDto report) => SafeCsv.Write(
        ["month", "consumer", "consumer_name", "consumer_company", "supplier", "supplier_name", "service", "service_name", "unit",
            "quantity", "amount", "currency", "final"],
        report.Rows.Select(r => new object?[]
        {
            r.Month, r.Consumer, r.ConsumerName, r.ConsumerCompany, r.Supplier, r.SupplierName, r.Service, r.ServiceName, r.Unit,
            r.Quantity, r.Amount, report.Currency, r.Final ? "yes" : "no",
        }));
}

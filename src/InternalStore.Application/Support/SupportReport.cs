using FluentValidation;
using InternalStore.Application.Authority;
using InternalStore.Application.Common;
using InternalStore.Domain.Common;
using InternalStore.Domain.Support;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace InternalStore.Application.Support;

/// <param name="FirstResponseMet">Cases answered (or still waiting) within the first-response target, of <paramref name="Measured"/>.</param>
public sealed record SupportVolumeDto(string Company, string Category, string Team, int Cases, int Solved, int Measured,
    int FirstResponseMet, int ResolutionMeasured, int ResolutionMet, decimal? AverageRating);

public sealed record SupportCauseDto(string Kind, string Key, int Cases);

/// <summary>
/// The help desk's month or quarter for the caller's teams and companies: volume by company and category,
/// target attainment, satisfaction and the top causes (the SKUs and orders cases link most).
/// </summary>
public sealed record SupportReportDto(DateOnly From, DateOnly To, int Cases, decimal? FirstResponseAttainment, decimal? ResolutionAttainment,
    decimal? AverageRating, IReadOnlyList<SupportVolumeDto> Volume, IReadOnlyList<SupportCauseDto> TopCauses);

public sealed record GetSupportReportQuery(Caller Caller, string? From, string? To) : IQuery<SupportReportDto>, ICallerMessage
{
    public static DateOnly? Day(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day)
            ? day : null;
}

public sealed class GetSupportReportValidator : AbstractValidator<GetSupportReportQuery>
{
    public GetSupportReportValidator()
    {
        RuleFor(x => x.From).Must(f => f is null || GetSupportReportQuery.Day(f) is not null).WithMessage("from is a day, YYYY-MM-DD.")
            .OverridePropertyName("from");
        RuleFor(x => x.To).Must(t => t is null || GetSupportReportQuery.Day(t) is not null).WithMessage("to is a day, YYYY-MM-DD.")
            .Must((x, t) => GetSupportReportQuery.Day(x.From) is not { } f || GetSupportReportQuery.Day(t) is not { } d
                            || (d >= f && d.DayNumber - f.DayNumber <= 366))
            .WithMessage("to is on or after from, at most 366 days later.").OverridePropertyName("to");
    }
}

public sealed class GetSupportReportHandler(IStoreDb db, SupportAccess access, TimeProvider clock, Pricing.PricingFacts facts)
    : IQueryHandler<GetSupportReportQuery, SupportReportDto>
{
    public async ValueTask<SupportReportDto> Handle(GetSupportReportQuery query, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var to = GetSupportReportQuery.Day(query.To) ?? today;
        var from = GetSupportReportQuery.Day(query.From) ?? to.AddDays(-29);
        if (from > to)
            throw new DomainValidationException("validation", "from", $"from is a day up to {to:yyyy-MM-dd}.");
        var teams = SupportAccess.TeamsOf(query.Caller);
        var companies = (await access.StaffCompaniesAsync(query.Caller, cancellationToken)).ToList();
        var (start, end) = (new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
            new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        var cases = await db.SupportCases.AsNoTracking().AsSplitQuery()
            .Where(c => teams.Contains(c.Team) && companies.Contains(c.Company) && c.CreatedAt >= start && c.CreatedAt < end)
            .ToListAsync(cancellationToken);

        var now = clock.GetUtcNow();
        var calendars = new Dictionary<string, BusinessCalendar>(StringComparer.Ordinal);
        foreach (var company in cases.Select(c => c.Company).Distinct())
            calendars[company] = await access.CalendarAsync(company, cancellationToken);
        var rows = cases.Select(c => (Case: c, Deadlines: c.Deadlines(calendars[c.Company], now))).ToList();
        var volume = rows.GroupBy(r => (r.Case.Company, r.Case.Category, r.Case.Team))
            .Select(g =>
            {
                var resolved = g.Where(r => r.Case.SolvedAt is not null || r.Deadlines.ResolutionBreached).ToList();
                return new SupportVolumeDto(g.Key.Company, g.Key.Category.WireName(), g.Key.Team.WireName(), g.Count(),
                    g.Count(r => r.Case.SolvedAt is not null), g.Count(), g.Count(r => !r.Deadlines.FirstResponseBreached), resolved.Count,
                    resolved.Count(r => !r.Deadlines.ResolutionBreached), Average(g.Select(r => r.Case.Rating)));
            })
            .OrderBy(v => v.Company, StringComparer.Ordinal).ThenByDescending(v => v.Cases).ToList();
        var resolvedAll = rows.Where(r => r.Case.SolvedAt is not null || r.Deadlines.ResolutionBreached).ToList();
        return new SupportReportDto(from, to, rows.Count,
            Percent(rows.Count(r => !r.Deadlines.FirstResponseBreached), rows.Count),
            Percent(resolvedAll.Count(r => !r.Deadlines.ResolutionBreached), resolvedAll.Count),
            Average(rows.Select(r => r.Case.Rating)), volume, await CausesAsync(cases, cancellationToken));
    }

    /// <summary>
    /// The SKUs, orders and policies most linked: an order's SKUs count once per case, a linked line's SKU too; an
    /// employee order's policy is the version in force for its company on the day it was placed (the one that priced it).
    /// </summary>
    private async Task<IReadOnlyList<SupportCauseDto>> CausesAsync(List<SupportCase> cases, CancellationToken ct)
    {
        var orderLinks = cases.SelectMany(c => c.Links.Where(l => l.Type is "order" or "order-line")
            .Select(l => (Case: c.Id, Order: Guid.TryParse(l.Target.Split('/')[0], out var id) ? id : Guid.Empty,
                Sku: l.Type == "order-line" ? l.Target.Split('/', 2)[1] : null))).Where(l => l.Order != Guid.Empty).ToList();
        var orderIds = orderLinks.Select(l => l.Order).Distinct().ToList();
        var linkedOrders = await db.Orders.AsNoTracking().Include(o => o.Lines).Where(o => orderIds.Contains(o.Id)).ToListAsync(ct);
        var skusByOrder = linkedOrders.ToDictionary(o => o.Id, o => o.Lines.Select(l => l.Sku).ToList());
        var policyByOrder = new Dictionary<Guid, string>();
        var policies = new Dictionary<(string, DateOnly), string?>();
        foreach (var order in linkedOrders.Where(o => o.BuyerKind == Domain.Ordering.BuyerKind.Employee))
        {
            var key = (order.Company, DateOnly.FromDateTime(order.PlacedAt.UtcDateTime));
            if (!policies.TryGetValue(key, out var name))
                policies[key] = name = await facts.PolicyInForceAsync(key.Company, key.Item2, ct) is { } p ? $"{p.Name} v{p.Version} ({p.CompanyCode})" : null;
            if (name is not null)
                policyByOrder[order.Id] = name;
        }
        var skus = orderLinks.SelectMany(l => l.Sku is { } sku ? [(l.Case, sku)] : skusByOrder.GetValueOrDefault(l.Order, []).Select(s => (l.Case, s)))
            .Distinct().GroupBy(x => x.Item2).Select(g => new SupportCauseDto("sku", g.Key, g.Count()));
        var orders = orderLinks.Select(l => (l.Case, l.Order)).Distinct().GroupBy(x => x.Order)
            .Select(g => new SupportCauseDto("order", g.Key.ToString(), g.Count()));
        var byPolicy = orderLinks.Where(l => policyByOrder.ContainsKey(l.Order)).Select(l => (l.Case, Policy: policyByOrder[l.Order])).Distinct()
            .GroupBy(x => x.Policy).Select(g => new SupportCauseDto("policy", g.Key, g.Count()));
        return skus.OrderByDescending(c => c.Cases).ThenBy(c => c.Key, StringComparer.Ordinal).Take(10)
            .Concat(orders.OrderByDescending(c => c.Cases).ThenBy(c => c.Key, StringComparer.Ordinal).Take(10))
            .Concat(byPolicy.OrderByDescending(c => c.Cases).ThenBy(c => c.Key, StringComparer.Ordinal).Take(10)).ToList();
    }

    private static decimal? Percent(int met, int of) => of == 0 ? null : Math.Round(100m * met / of, 1, MidpointRounding.AwayFromZero);

    private static decimal? Average(IEnumerable<int?> ratings) =>
        ratings.Where(r => r is not null).Select(r => (decimal)r!.Value).ToList() is { Count: > 0 } given
            ? Math.Round(given.Average(), 2, MidpointRounding.AwayFromZero) : null;
}

using InternalStore.Application.Authority;
using FluentValidation;
using InternalStore.Application.Common;
using InternalStore.Application.People;
using InternalStore.Application.Pricing;
using InternalStore.Domain.Ordering;
using InternalStore.Pricing;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace InternalStore.Application.Policies;

/// <param name="TaxableExcess">The part of the discounts that the fringe-benefit rule in force makes taxable wages.</param>
public sealed record SimulationSideDto(decimal Revenue, decimal TotalDiscount, decimal AllowanceConsumed, decimal Margin,
    IReadOnlyList<TierBreakdownDto> Tiers, decimal TaxableExcess);

public sealed record TierBreakdownDto(string Tier, int Orders, decimal Discount, decimal Margin);

public sealed record OrderChangeDto(Guid OrderId, string Employee, DateTimeOffset PlacedAt, decimal InForce, decimal Draft,
    decimal Change);

public sealed record SimulationDto(Guid PolicyId, int Days, int OrdersRepriced, int OrdersChanged, SimulationSideDto InForce,
    SimulationSideDto Draft, IReadOnlyList<OrderChangeDto> LargestChanges);

/// <summary>
/// Re-prices the employee orders of the last <see cref="Days"/> days (for the policy's company and
/// those below it) under the given version and under the policy in force, side by side. Reads only:
/// no order is touched. Prices use today's catalog facts; each employee's allowance is replayed from
/// zero over the window, in order. The orders stream a page at a time and are aggregated as they
/// come, so memory grows with the people and products in the window, not with its orders.
/// </summary>
public sealed record SimulatePolicyQuery(Caller Caller, Guid Id, int? Days) : IQuery<SimulationDto>, ICallerMessage;

public sealed class SimulatePolicyValidator : AbstractValidator<SimulatePolicyQuery>
{
    public SimulatePolicyValidator() => RuleFor(x => x.Days ?? 30).InclusiveBetween(1, 366).OverridePropertyName("days");
}

public sealed class SimulatePolicyHandler(IStoreDb db, OrganisationAuthority authority, PricingFacts facts, TimeProvider clock,
    Microsoft.Extensions.Options.IOptions<PricingOptions> options, Benefits.BenefitRecorder benefits) : IQueryHandler<SimulatePolicyQuery, SimulationDto>
{

    public async ValueTask<SimulationDto> Handle(SimulatePolicyQuery query, CancellationToken cancellationToken)
    {
        var version = await db.LoadVisibleAsync(await authority.ScopeOfAsync(query.Caller, cancellationToken), query.Id, cancellationToken);
        var days = query.Days ?? 30;
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var companies = (await authority.ChartAsync(cancellationToken)).SelfAndBelow(version.CompanyCode).ToList();

        var draftRules = await facts.RulesAsync(version.CompanyCode, today, cancellationToken, DiscountPolicyJson.Read(version.Document));
        var inForce = new Side(options.Value.Currency);
        var draft = new Side(options.Value.Currency);
        var changes = new LargestChanges(10);
        var inForceRulesByDay = new Dictionary<(string Company, DateOnly Day), PricingRules>();
        var window = new SimulationWindow(db, companies, now.AddDays(-days));
        await foreach (var page in window.PagesAsync(cancellationToken))
        {
            foreach (var order in page)
            {
                if (!window.Employees.TryGetValue(order.BuyerId, out var employee))
                    continue;
                var asOf = DateOnly.FromDateTime(order.PlacedAt.UtcDateTime);
                var lines = order.Lines.Select(l => new CartLine(l.Sku, l.Quantity)).Where(l => window.Catalog.TryGetItem(l.Sku, out _)).ToList();
                if (lines.Count == 0)
                    continue;
                // One load of the rules per company and day, not per order: many orders share both.
                var key = (employee.CompanyCode, asOf);
                if (!inForceRulesByDay.TryGetValue(key, out var inForceRules))
                    inForceRulesByDay[key] = inForceRules = await facts.RulesAsync(employee.CompanyCode, asOf, cancellationToken);
                var a = inForce.Price(inForceRules, window.Catalog, employee, lines, asOf);
                var b = draft.Price(draftRules, window.Catalog, employee, lines, asOf);
                inForce.AddTaxableExcess(await TaxableExcessAsync(a, inForceRules, window, employee, lines, asOf, cancellationToken));
                draft.AddTaxableExcess(await TaxableExcessAsync(b, draftRules, window, employee, lines, asOf, cancellationToken));
                if (a is not null && b is not null && a.Subtotal != b.Subtotal)
                    changes.Add(new OrderChangeDto(order.Id, employee.Id, order.PlacedAt, a.Subtotal, b.Subtotal, b.Subtotal - a.Subtotal));
            }
        }

        return new SimulationDto(version.Id, days, inForce.Orders, changes.Count, inForce.ToDto(), draft.ToDto(), changes.Largest());
    }

    /// <summary>The taxable part of a re-priced order's discounts, measured against the external price under the same rules.</summary>
    private async Task<decimal> TaxableExcessAsync(PriceQuote? quote, PricingRules rules, SimulationWindow window,
        Domain.People.Employee employee, IReadOnlyList<CartLine> lines, DateOnly asOf, CancellationToken cancellationToken)
    {
        if (quote is null || quote.PricedAs != PricedAs.Employee)
            return 0m;
        var external = PricingEngine.Price(new PricingRequest(rules, window.Catalog, ExternalBuyer.Instance, lines, asOf, options.Value.Currency));
        if (!external.IsSuccess)
            return 0m;
        var excess = 0m;
        for (var i = 0; i < quote.Lines.Count; i++)
        {
            var line = quote.Lines[i];
            excess += (await benefits.AssessAsync(employee.CompanyCode, window.SupplyKinds[line.Sku], external.Quote.Lines[i].UnitPrice,
                line.UnitPrice, (int)line.Quantity, asOf.Year, options.Value.Currency, cancellationToken)).TaxableExcess;
        }

        return excess;
    }

    /// <summary>One side of the comparison: running totals and each employee's allowance replayed in order.</summary>
    private sealed class Side(string currency)
    {
        private readonly Dictionary<string, decimal> _allowanceTaken = new(StringComparer.Ordinal);
        private readonly Dictionary<string, (int Orders, decimal Discount, decimal Margin)> _tiers = new(StringComparer.Ordinal);
        private decimal _revenue, _discount, _allowance, _margin, _taxableExcess;

        public void AddTaxableExcess(decimal amount) => _taxableExcess += amount;

        public int Orders { get; private set; }

        public PriceQuote? Price(PricingRules rules, PricingCatalog catalog, Domain.People.Employee employee,
            IReadOnlyList<CartLine> lines, DateOnly asOf)
        {
            var key = $"{employee.Id}:{asOf.Year}";
            _allowanceTaken.TryGetValue(key, out var taken);
            var buyer = PricingFacts.ToBuyer(employee, asOf, taken, []);
            var result = PricingEngine.Price(new PricingRequest(rules, catalog, buyer, lines, asOf, currency));
            if (!result.IsSuccess)
                return null;
            var quote = result.Quote;
            var cost = quote.Lines.Sum(l => catalog.TryGetItem(l.Sku, out var item) ? item.UnitCost * l.Quantity : 0m);
            var tier = quote.PricedAs == PricedAs.Employee
                ? PricingEngine.TierFor(buyer, rules.Policy, asOf)?.Id ?? "(no tier)"
                : "(priced as external)";

            _allowanceTaken[key] = taken + quote.AllowanceConsumed;
            Orders++;
            _revenue += quote.Subtotal;
            _discount += quote.DiscountTotal;
            _allowance += quote.AllowanceConsumed;
            _margin += quote.Subtotal - cost;
            var (orders, discount, margin) = _tiers.GetValueOrDefault(tier);
            _tiers[tier] = (orders + 1, discount + quote.DiscountTotal, margin + quote.Subtotal - cost);
            return quote;
        }

        public SimulationSideDto ToDto() => new(_revenue, _discount, _allowance, _margin,
            _tiers.OrderBy(t => t.Key, StringComparer.Ordinal)
                .Select(t => new TierBreakdownDto(t.Key, t.Value.Orders, t.Value.Discount, t.Value.Margin)).ToList(),
            _taxableExcess);
    }
}

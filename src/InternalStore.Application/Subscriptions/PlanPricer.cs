using InternalStore.Application.Common;
using InternalStore.Application.Pricing;
using InternalStore.Domain.Catalog;
using InternalStore.Domain.People;
using InternalStore.Domain.Subscriptions;
using InternalStore.Pricing;

namespace InternalStore.Application.Subscriptions;

/// <summary>A plan's period priced for one employee: the external amount, theirs, the allowance it takes and why.</summary>
public sealed record PlanPrice(decimal ExternalAmount, decimal Amount, decimal AllowanceTaken, bool PricedAsEmployee,
    IReadOnlyList<ExplanationStepDto> Explanation);

/// <summary>
/// Prices the days of a period like a one-line quote: the plan's price for those days (prorated) is the
/// list price, its cost for those days the floor's basis, and the employee's company policy does the rest
/// (tier, category rules, promotions, floors, the yearly allowance) with the same engine as every order,
/// as of the first day covered.
/// </summary>
public sealed class PlanPricer(PricingFacts facts, ReadCache cache)
{
    public async Task<PlanPrice> PriceAsync(ServicePlan plan, ServicePlanPrice price, Product product, Employee employee, string company,
        BillingPeriod period, DateOnly from, DateOnly to, decimal allowanceTaken, CancellationToken cancellationToken)
    {
        var listPrice = period.Prorate(price.PricePerPeriod, from, to, plan.Currency);
        var cost = period.Prorate(price.CostPerPeriod, from, to, plan.Currency);
        var rules = await cache.GetOrAddAsync($"rules:{company}:{from:yyyy-MM-dd}",
            ct => facts.RulesAsync(company, from, ct), cancellationToken);
        var catalog = new PricingCatalog([new CatalogItem(plan.Sku, product.Category, listPrice, cost, product.EmployeeDiscount)]);
        // A leaver's last days are priced as they were employed on the first of them (their employee price).
        var buyer = PricingFacts.ToBuyer(employee, from, allowanceTaken, []);
        if (employee.TerminationDate is { } left && left >= from)
            buyer = buyer with { Status = InternalStore.Pricing.EmploymentStatus.Active };
        var request = new PricingRequest(rules, catalog, buyer, [new CartLine(plan.Sku, 1)], from, plan.Currency);
        var result = PricingEngine.Price(request);
        if (!result.IsSuccess)
            throw new InvalidOperationException($"Plan {plan.Id} could not be priced: {result.Error.Message}");
        var line = result.Quote.Lines[0];
        var explanation = Explanations.Of(result.Quote, 0).ToList();
        if (from != period.Start || to != period.End)
            explanation.Insert(0, new ExplanationStepDto("proration", "listPrice", price.PricePerPeriod, listPrice,
                $"{to.DayNumber - from.DayNumber + 1} of the period's {period.Days} days ({from:yyyy-MM-dd}..{to:yyyy-MM-dd}): {price.PricePerPeriod} x {to.DayNumber - from.DayNumber + 1} / {period.Days}, rounded to the minor unit."));
        return new PlanPrice(Currencies.ToMinorUnitScale(line.ExternalUnitPrice, plan.Currency),
            Currencies.ToMinorUnitScale(line.LineTotal, plan.Currency), line.AllowanceTaken,
            result.Quote.PricedAs == PricedAs.Employee, explanation);
    }
}

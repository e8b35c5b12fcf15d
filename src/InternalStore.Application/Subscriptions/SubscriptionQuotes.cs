using InternalStore.Application.Checkout;
using InternalStore.Application.Common;
using InternalStore.Application.Pricing;
using InternalStore.Domain.Catalog;
using InternalStore.Domain.Common;
using InternalStore.Domain.People;
using InternalStore.Domain.Settlement;
using InternalStore.Domain.Subscriptions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InternalStore.Application.Subscriptions;

/// <summary>What enrolling in a plan today would cost an employee: the first (prorated) charge, its pay date, the price per period.</summary>
public sealed class SubscriptionQuotes(IStoreDb db, PlanPricer pricer, PricingFacts facts, ReadCache cache, TimeProvider clock,
    IOptions<PayrollOptions> payroll)
{
    public PayrollCalendar Calendar { get; } = new(payroll.Value.PeriodsPerMonth);

    public async Task<MyPlanPriceDto> QuoteAsync(ServicePlan plan, Product product, Employee employee, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var startsOn = today.AddDays(1);
        var first = Calendar.Containing(startsOn, plan.Period);
        var whole = Calendar.Containing(first.Next, plan.Period);
        var price = plan.PriceFor(now, first);
        var (used, reserved) = await facts.AllowanceAsync(employee.Id, startsOn.Year, ct);
        var firstCharge = await pricer.PriceAsync(plan, price, product, employee, employee.CompanyCode, first, startsOn, first.End,
            used + reserved, ct);
        var perPeriod = await pricer.PriceAsync(plan, price, product, employee, employee.CompanyCode, whole, whole.Start, whole.End,
            used + reserved, ct);
        return new MyPlanPriceDto(perPeriod.Amount, perPeriod.ExternalAmount, startsOn, firstCharge.Amount, first.PayDate,
            perPeriod.Explanation, await UnavailableAsync(plan, employee, today, ct));
    }

    /// <summary>Why the employee cannot enrol today; null when they can.</summary>
    public async Task<string?> UnavailableAsync(ServicePlan plan, Employee employee, DateOnly today, CancellationToken ct)
    {
        try
        {
            await EnsureOpenAsync(plan, employee, today, ct);
        }
        catch (ConflictException refused)
        {
            return refused.Message;
        }

        return await RunningAsync(plan.Id, employee.Id, today, ct) is not null
            ? $"You subscribe to {plan.Name} already."
            : null;
    }

    public async Task EnsureOpenAsync(ServicePlan plan, Employee employee, DateOnly today, CancellationToken ct)
    {
        var rules = await cache.GetOrAddAsync($"rules:{employee.CompanyCode}:{today:yyyy-MM-dd}",
            c => facts.RulesAsync(employee.CompanyCode, today, c), ct);
        plan.EnsureOpenTo(employee, rules.Policy.ProbationDays, today);
    }

    /// <summary>The employee's subscription to the plan that still runs (or runs until a later day); null when none.</summary>
    public Task<Subscription?> RunningAsync(string planId, string employeeId, DateOnly today, CancellationToken ct) =>
        db.Subscriptions.AsNoTracking()
            .Where(s => s.PlanId == planId && s.EmployeeId == employeeId && s.Status != SubscriptionStatus.Suspended
                        && (s.EndsOn == null || s.EndsOn >= today))
            .FirstOrDefaultAsync(ct);
}

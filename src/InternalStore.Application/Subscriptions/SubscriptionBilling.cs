using System.Text.Json;
using InternalStore.Application.Benefits;
using InternalStore.Application.Checkout;
using InternalStore.Application.Common;
using InternalStore.Application.Pricing;
using InternalStore.Domain.Benefits;
using InternalStore.Domain.People;
using InternalStore.Domain.Settlement;
using InternalStore.Domain.Subscriptions;
using InternalStore.Pricing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InternalStore.Application.Subscriptions;

/// <summary>What billing one employee's subscriptions for a pay date did.</summary>
public sealed record EmployeeBilling(int Charged, int AlreadyBilled, int Suspended, decimal Collected, decimal Carried);

/// <summary>
/// Bills one employee's subscriptions for a pay date, in one transaction that holds the employee's
/// allowance row (the lock checkouts take too), so the payroll cap and the allowance hold against
/// concurrent orders and a second billing run, in this process or another: a subscription that has
/// a charge for the pay date is skipped, and the unique index on (subscription, pay date, kind) backs that.
/// </summary>
public sealed class SubscriptionBilling(IStoreDb db, PlanPricer pricer, BenefitRecorder benefits, IOptions<PayrollOptions> payroll,
    Notifications.Notifier notifier)
{
    public PayrollCalendar Calendar { get; } = new(payroll.Value.PeriodsPerMonth);

    public async Task<EmployeeBilling> BillEmployeeAsync(string employeeId, DateOnly payDate, DateTimeOffset now, CancellationToken ct)
    {
        var ledger = await db.LockAllowanceLedgerAsync(employeeId, payDate.Year, ct);
        var employee = await db.Employees.AsNoTracking().FirstAsync(e => e.Id == employeeId, ct);
        var subscriptions = await db.Subscriptions
            .Where(s => s.EmployeeId == employeeId && s.StartsOn <= payDate
                        && ((s.Status != SubscriptionStatus.Suspended && (s.EndsOn == null || s.EndsOn >= s.StartsOn)) || s.Arrears > 0))
            .OrderBy(s => s.EnrolledAt).ToListAsync(ct);
        var ids = subscriptions.Select(s => s.Id).ToList();
        var billed = await db.SubscriptionCharges.AsNoTracking()
            .Where(c => ids.Contains(c.SubscriptionId) && c.PayDate == payDate && c.Kind == SubscriptionChargeKind.Period)
            .Select(c => c.SubscriptionId).ToListAsync(ct);
        var room = payroll.Value.MaxPerPeriod - await DeductedAsync(employeeId, payDate, ct);
        int charged = 0, skipped = 0, suspended = 0;
        decimal collectedTotal = 0, carried = 0;
        var notice = new System.Text.StringBuilder();
        var finalPayDate = employee.Status == Domain.People.EmploymentStatus.Terminated && employee.TerminationDate is { } left
            ? Calendar.PayDateOnOrAfter(left) : (DateOnly?)null;

        foreach (var subscription in subscriptions)
        {
            var plan = await db.ServicePlans.AsNoTracking().FirstAsync(p => p.Id == subscription.PlanId, ct);
            if (Calendar.EndingOn(payDate, plan.Period) is not { } period)
                continue;
            if (billed.Contains(subscription.Id))
            {
                skipped++;
                continue;
            }

            if (finalPayDate is { } last)
                subscription.EndWithEmployment(last, now);
            var coverage = subscription.Coverage(period);
            if (coverage is null && subscription.Arrears == 0)
                continue;

            var company = subscription.CompanyFor(period);
            PlanPrice? price = null;
            decimal perPeriod = subscription.ChargePerPeriod;
            if (coverage is { } days)
            {
                var product = await db.Products.AsNoTracking().FirstAsync(p => p.Sku == plan.Sku, ct);
                var planPrice = plan.PriceFor(subscription.EnrolledAt, period);
                price = await pricer.PriceAsync(plan, planPrice, product, employee, company, period, days.From, days.To, ledger.Taken, ct);
                perPeriod = days.From == period.Start && days.To == period.End ? price.Amount
                    : (await pricer.PriceAsync(plan, planPrice, product, employee, company, period, period.Start, period.End, ledger.Taken, ct)).Amount;
                ledger.Use(price.AllowanceTaken);
            }

            var charge = price?.Amount ?? 0m;
            var arrearsIn = subscription.Arrears;
            var collect = Math.Min(Math.Min(arrearsIn + charge, Subscription.MostCollectable(charge, perPeriod)), Math.Max(0m, room));
            room -= collect;
            var explanation = price?.Explanation.ToList() ?? [];
            if (collect < arrearsIn + charge)
                explanation.Add(new ExplanationStepDto("payroll-cap", "allowance", arrearsIn + charge, collect,
                    $"At most {payroll.Value.MaxPerPeriod:0.00} {plan.Currency} is deducted per pay period (orders and subscriptions together, and at most twice a period's charge per subscription); {arrearsIn + charge - collect} {plan.Currency} is carried as arrears."));
            db.SubscriptionCharges.Add(new SubscriptionCharge(subscription, plan, SubscriptionChargeKind.Period, payDate, coverage?.From,
                coverage?.To, company, price?.ExternalAmount ?? 0m, charge, price?.AllowanceTaken ?? 0m, arrearsIn, collect,
                JsonSerializer.Serialize(explanation, PricingJson.Options), now));
            if (price is not null)
            {
                var assessment = await benefits.AssessAsync(company, SupplyKind.Service, price.ExternalAmount, price.Amount, 1,
                    payDate.Year, plan.Currency, ct);
                db.BenefitEntries.Add(BenefitEntry.ForSubscription(subscription.EmployeeId, subscription.Id, plan.Sku, payDate, 1,
                    assessment, benefits.Rule.Name, plan.Currency, now));
            }

            var wasSuspended = subscription.Status == SubscriptionStatus.Suspended;
            subscription.Billed(period, charge, perPeriod, collect, company, now);
            if (!wasSuspended && subscription.Status == SubscriptionStatus.Suspended)
                suspended++;
            charged++;
            collectedTotal += collect;
            carried += subscription.Arrears;
            var arrears = subscription.Arrears > 0 ? $", {Notifications.Receipts.Money(subscription.Arrears, plan.Currency)} carried as arrears" : "";
            notice.AppendLine(System.Globalization.CultureInfo.InvariantCulture,
                $"  {plan.Name}: {Notifications.Receipts.Money(charge, plan.Currency)} for {coverage?.From:yyyy-MM-dd}..{coverage?.To:yyyy-MM-dd}, deducted {Notifications.Receipts.Money(collect, plan.Currency)}{arrears}");
        }

        if (charged > 0)
            await notifier.NotifyAsync(employeeId, Domain.Notifications.NotificationKind.SubscriptionCharged,
                $"Your subscriptions in the pay of {payDate:yyyy-MM-dd}", $"Deducted from your pay of {payDate:yyyy-MM-dd}:\n\n{notice}",
                "/shop/subscriptions", ct);
        await db.SaveChangesAsync(ct);
        return new EmployeeBilling(charged, skipped, suspended, collectedTotal, carried);
    }

    /// <summary>What payroll already deducts from the employee on the pay date: order instalments and subscription lines.</summary>
    public async Task<decimal> DeductedAsync(string employeeId, DateOnly payDate, CancellationToken ct) =>
        (await db.PayrollDeductions.AsNoTracking()
            .Where(d => d.EmployeeId == employeeId && d.Period == payDate && d.Status == DeductionStatus.Scheduled)
            .Select(d => d.Amount).ToListAsync(ct)).Sum()
        + (await db.SubscriptionCharges.AsNoTracking().Where(c => c.EmployeeId == employeeId && c.PayDate == payDate)
            .Select(c => c.Collected).ToListAsync(ct)).Sum();

    /// <summary>
    /// After a subscription ends early, periods already charged for days past its end are credited:
    /// the charge's share of those days, against arrears first, the rest paid back in the next pay;
    /// the allowance and the fringe benefit of those days are reversed.
    /// </summary>
    public async Task CreditAfterEndAsync(Subscription subscription, ServicePlan plan, Employee employee, DateOnly today,
        DateTimeOffset now, CancellationToken ct)
    {
        if (subscription.EndsOn is not { } endsOn)
            return;
        var charges = await db.SubscriptionCharges.AsNoTracking()
            .Where(c => c.SubscriptionId == subscription.Id && c.Kind == SubscriptionChargeKind.Period && c.CoverageTo > endsOn)
            .ToListAsync(ct);
        if (charges.Count == 0)
            return;
        var payDate = Calendar.NextPayDates(today, 1)[0];
        var credit = 0m;
        var allowance = 0m;
        var external = 0m;
        foreach (var charge in charges)
        {
            var covered = charge.CoverageTo!.Value.DayNumber - charge.CoverageFrom!.Value.DayNumber + 1;
            var after = charge.CoverageTo.Value.DayNumber - Math.Max(endsOn.DayNumber, charge.CoverageFrom.Value.DayNumber - 1);
            credit += Currencies.Round(charge.Amount * after / covered, plan.Currency);
            allowance += Currencies.Round(charge.AllowanceTaken * after / covered, plan.Currency);
            external += Currencies.Round(charge.ExternalAmount * after / covered, plan.Currency);
        }

        var ledger = await db.LockAllowanceLedgerAsync(subscription.EmployeeId, charges[0].PayDate.Year, ct);
        ledger.Restore(allowance);
        var arrearsIn = subscription.Arrears;
        var paidBack = subscription.Credited(credit, now);
        var note = new ExplanationStepDto("credit", "listPrice", 0m, -credit,
            $"Cancelled at once on {endsOn:yyyy-MM-dd}: the {credit} {plan.Currency} already charged for the days after is credited"
            + (paidBack < credit ? $", {credit - paidBack} of it against arrears." : "."));
        db.SubscriptionCharges.Add(new SubscriptionCharge(subscription, plan, SubscriptionChargeKind.Credit, payDate, endsOn.AddDays(1),
            charges.Max(c => c.CoverageTo), subscription.CompanyFor(Calendar.Containing(endsOn, plan.Period)), -external, -credit,
            -allowance, arrearsIn, -paidBack, JsonSerializer.Serialize(new[] { note }, PricingJson.Options), now));
        var assessment = await benefits.AssessAsync(subscription.Company, SupplyKind.Service, external, credit, 1, payDate.Year,
            plan.Currency, ct);
        db.BenefitEntries.Add(BenefitEntry.ForSubscription(subscription.EmployeeId, subscription.Id, plan.Sku, payDate, -1,
            new BenefitAssessment(-assessment.Discount, -assessment.QualifiedLimit, -assessment.TaxableExcess), benefits.Rule.Name,
            plan.Currency, now));
    }
}

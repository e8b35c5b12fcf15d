using InternalStore.Domain.Common;
using InternalStore.Domain.Settlement;

namespace InternalStore.Domain.Subscriptions;

public enum SubscriptionStatus
{
    /// <summary>Enrolled; the first period has not been charged yet.</summary>
    Pending,

    /// <summary>Charged each period.</summary>
    Active,

    /// <summary>Not charged from <see cref="Subscription.PausedFrom"/> until resumed.</summary>
    Paused,

    /// <summary>The subscriber (or HR) cancelled it: charged until <see cref="Subscription.EndsOn"/>, then no more.</summary>
    Cancelled,

    /// <summary>Employment ended: charged until the final pay period.</summary>
    Ended,

    /// <summary>Three periods in a row did not fit the payroll cap: no more charges; what is owed stays as arrears.</summary>
    Suspended,
}

/// <summary>
/// One employee's subscription to a plan. Service starts the day after enrolment; the first period is
/// charged for the days from then (prorated). Billing is driven by dates (start, end, pause), the
/// status says where the subscription stands; every change is a method here, in one transaction with
/// the row's version.
/// </summary>
public sealed class Subscription
{
    public const int MissedPeriodsBeforeSuspension = 3;

    /// <summary>What one period may collect at most, in whole-period charges: its own and as much again of arrears.</summary>
    public const decimal MaxCollectedPerPeriodInCharges = 2m;

    private Subscription()
    {
        PlanId = EmployeeId = Company = Currency = IdempotencyKey = string.Empty;
    }

    public Guid Id { get; private set; }
    public string PlanId { get; private set; }
    public string EmployeeId { get; private set; }

    /// <summary>Whose policy prices it: the employee's company, changed from <see cref="NextCompanyFrom"/> after a move.</summary>
    public string Company { get; private set; }

    public string? NextCompany { get; private set; }
    public DateOnly? NextCompanyFrom { get; private set; }
    public string Currency { get; private set; }
    public SubscriptionStatus Status { get; private set; }
    public DateTimeOffset EnrolledAt { get; private set; }
    public DateOnly StartsOn { get; private set; }

    /// <summary>The last day of service; null while it runs on.</summary>
    public DateOnly? EndsOn { get; private set; }

    public string? EndReason { get; private set; }
    public string? EndedBy { get; private set; }
    public DateOnly? PausedFrom { get; private set; }
    public DateOnly? ResumesOn { get; private set; }

    /// <summary>What was charged but did not fit the payroll cap: collected in later periods.</summary>
    public decimal Arrears { get; private set; }

    /// <summary>Periods in a row whose own charge was not collected in full.</summary>
    public int MissedPeriods { get; private set; }

    /// <summary>The employee's price of a whole period when last priced: what the payroll cap expects from it.</summary>
    public decimal ChargePerPeriod { get; private set; }

    public DateOnly? LastBilledPeriod { get; private set; }
    public string IdempotencyKey { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public long Version { get; private set; }

    public static Subscription Enrol(ServicePlan plan, string employeeId, string company, decimal chargePerPeriod,
        string idempotencyKey, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(),
        PlanId = plan.Id,
        EmployeeId = employeeId,
        Company = company,
        Currency = plan.Currency,
        Status = SubscriptionStatus.Pending,
        EnrolledAt = now,
        StartsOn = DateOnly.FromDateTime(now.UtcDateTime).AddDays(1),
        ChargePerPeriod = chargePerPeriod,
        IdempotencyKey = idempotencyKey,
        UpdatedAt = now,
        Version = 1,
    };

    public bool IsOver => Status is SubscriptionStatus.Cancelled or SubscriptionStatus.Ended or SubscriptionStatus.Suspended;

    /// <summary>The first day it may end on by the plan's minimum term (the end of its last term period).</summary>
    public DateOnly MinimumTermEnds(ServicePlan plan, PayrollCalendar calendar) =>
        plan.MinimumTermPeriods == 0 ? DateOnly.MinValue
            : calendar.From(StartsOn, plan.Period, plan.MinimumTermPeriods).Last().End;

    /// <summary>
    /// Cancels it. At the period's end (the default) it runs to the end of the period holding today, or of
    /// the minimum term when that is later; at once (where the plan allows, and past the minimum term) it
    /// ends today and an already-charged period is credited for the days after. HR ending it for the
    /// employee is not bound by the minimum term, and leaves it <c>ended</c> rather than <c>cancelled</c>.
    /// </summary>
    public void Cancel(ServicePlan plan, PayrollCalendar calendar, bool atPeriodEnd, string reason, string by, DateOnly today,
        DateTimeOffset now, bool byHr = false)
    {
        EnsureRunning(byHr ? "ended" : "cancelled");
        var minimum = byHr ? DateOnly.MinValue : MinimumTermEnds(plan, calendar);
        DateOnly endsOn;
        if (today < StartsOn && minimum == DateOnly.MinValue)
        {
            endsOn = today; // before service starts: nothing is charged
        }
        else if (atPeriodEnd)
        {
            endsOn = Max(calendar.Containing(today < StartsOn ? StartsOn : today, plan.Period).End, minimum);
        }
        else
        {
            if (!plan.AllowsImmediateCancel)
                throw new ConflictException("invalid-state",
                    $"{plan.Name} cannot be cancelled at once; cancel it at the end of the period (it then ends on {Max(calendar.Containing(today, plan.Period).End, minimum):yyyy-MM-dd}).");
            if (minimum > today)
                throw new ConflictException("invalid-state",
                    $"{plan.Name} has a minimum term until {minimum:yyyy-MM-dd}; cancel it at the end of the period instead.");
            endsOn = today;
        }

        Close(byHr ? SubscriptionStatus.Ended : SubscriptionStatus.Cancelled, endsOn, reason, by, now);
    }

    /// <summary>
    /// Employment ends: service runs to the final pay date, then stops (a pay-period plan's last period is
    /// whole; a monthly plan's last month is prorated to that day).
    /// </summary>
    public void EndWithEmployment(DateOnly finalPayDate, DateTimeOffset now)
    {
        var last = finalPayDate;
        if (EndsOn is { } earlier && earlier <= last)
            return;
        Close(Status == SubscriptionStatus.Suspended ? Status : SubscriptionStatus.Ended, last,
            $"employment ends; the final pay date is {finalPayDate:yyyy-MM-dd}", "roster", now);
    }

    /// <summary>Pauses charging from the next period (where the plan allows).</summary>
    public void Pause(ServicePlan plan, PayrollCalendar calendar, DateOnly today, DateTimeOffset now)
    {
        if (!plan.AllowsPause)
            throw new ConflictException("invalid-state", $"{plan.Name} cannot be paused.");
        if (Status is not (SubscriptionStatus.Active or SubscriptionStatus.Pending) || EndsOn is not null)
            throw new ConflictException("invalid-state", $"Only a running subscription can be paused; this one is {Status.WireName()}.");
        PausedFrom = calendar.Containing(today < StartsOn ? StartsOn : today, plan.Period).Next;
        ResumesOn = null;
        Status = SubscriptionStatus.Paused;
        Touch(now);
    }

    /// <summary>Resumes charging from the next period (at once when the pause has not begun).</summary>
    public void Resume(ServicePlan plan, PayrollCalendar calendar, DateOnly today, DateTimeOffset now)
    {
        if (Status != SubscriptionStatus.Paused)
            throw new ConflictException("invalid-state", $"Only a paused subscription can be resumed; this one is {Status.WireName()}.");
        if (PausedFrom is { } from && today < from)
            PausedFrom = null;
        else
            ResumesOn = calendar.Containing(today, plan.Period).Next;
        Status = LastBilledPeriod is null ? SubscriptionStatus.Pending : SubscriptionStatus.Active;
        Touch(now);
    }

    /// <summary>The employee moved to another company: from the next period it is priced by that company's policy.</summary>
    public void MoveTo(string company, DateOnly from, DateTimeOffset now)
    {
        if (IsOver || company == Company && NextCompany is null)
            return;
        NextCompany = company;
        NextCompanyFrom = from;
        Touch(now);
    }

    /// <summary>The company whose policy prices the period (a move counts from its first period).</summary>
    public string CompanyFor(BillingPeriod period) =>
        NextCompany is not null && NextCompanyFrom <= period.Start ? NextCompany : Company;

    /// <summary>The days of the period it is charged for; null when none (not started, ended, paused).</summary>
    public (DateOnly From, DateOnly To)? Coverage(BillingPeriod period)
    {
        if (Status == SubscriptionStatus.Suspended)
            return null;
        if (PausedFrom is { } pausedFrom && pausedFrom <= period.Start && (ResumesOn is not { } resumes || resumes > period.Start))
            return null;
        var from = StartsOn > period.Start ? StartsOn : period.Start;
        var to = EndsOn is { } ends && ends < period.End ? ends : period.End;
        return from <= to ? (from, to) : null;
    }

    /// <summary>
    /// Records a period's billing: what was due (its charge and the arrears before), what the payroll
    /// cap let through. A period whose own charge is not collected in full is missed; three in a row suspend it.
    /// </summary>
    public void Billed(BillingPeriod period, decimal charge, decimal chargePerPeriod, decimal collected, string company,
        DateTimeOffset now)
    {
        var due = Arrears + charge;
        if (collected < 0 || collected > due)
            throw new ArgumentOutOfRangeException(nameof(collected), $"Collected {collected} of {due} due.");
        Arrears = due - collected;
        MissedPeriods = collected < charge ? MissedPeriods + 1 : 0;
        ChargePerPeriod = chargePerPeriod;
        LastBilledPeriod = period.PayDate;
        if (NextCompany is not null && company == NextCompany)
        {
            Company = NextCompany;
            NextCompany = null;
            NextCompanyFrom = null;
        }

        if (MissedPeriods >= MissedPeriodsBeforeSuspension && !IsOver)
        {
            Status = SubscriptionStatus.Suspended;
            EndReason = $"suspended: {MissedPeriods} periods in a row did not fit the payroll cap; {Arrears} {Currency} is owed";
            EndsOn ??= period.End;
        }
        else if (Status == SubscriptionStatus.Pending)
        {
            Status = SubscriptionStatus.Active;
        }

        Touch(now);
    }

    /// <summary>A credit for days already charged: it pays arrears first; what is left is paid back (returned).</summary>
    public decimal Credited(decimal credit, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(credit);
        var againstArrears = Math.Min(credit, Arrears);
        Arrears -= againstArrears;
        Touch(now);
        return credit - againstArrears;
    }

    /// <summary>The most one period may collect: twice the charge of a whole period (never less than its own charge).</summary>
    public static decimal MostCollectable(decimal charge, decimal chargePerPeriod) =>
        Math.Max(charge, MaxCollectedPerPeriodInCharges * chargePerPeriod);

    private void EnsureRunning(string verb)
    {
        if (IsOver)
            throw new ConflictException("invalid-state", $"The subscription is {Status.WireName()} already; it cannot be {verb}.");
    }

    private void Close(SubscriptionStatus status, DateOnly endsOn, string reason, string by, DateTimeOffset now)
    {
        Status = status;
        EndsOn = endsOn;
        EndReason = reason;
        EndedBy = by;
        Touch(now);
    }

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}

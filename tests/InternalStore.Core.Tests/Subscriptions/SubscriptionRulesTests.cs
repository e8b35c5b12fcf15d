using InternalStore.Domain.Common;
using InternalStore.Domain.Settlement;
using InternalStore.Domain.Subscriptions;

namespace InternalStore.Core.Tests.Subscriptions;

/// <summary>A subscription's state machine and dates in the domain: notice, minimum term, cancellation, pause, arrears, suspension.</summary>
public sealed class SubscriptionRulesTests
{
    private static readonly PayrollCalendar Calendar = new(2);
    private static readonly DateTimeOffset Created = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static DateTimeOffset At(int year, int month, int day) => new(year, month, day, 10, 0, 0, TimeSpan.Zero);

    private static ServicePlan Plan(PlanPeriod period = PlanPeriod.Monthly, int minimumTerm = 0, int notice = 30, bool pause = true,
        bool immediate = true) =>
        ServicePlan.Create("P", new ServicePlanTerms("Plan", "SKU", "XYZ", period, 30m, 10m, minimumTerm, notice, false, [], null, null,
            pause, immediate, true), "USD", "catalog", Created);

    [Fact]
    public void A_price_change_reaches_an_existing_subscriber_after_the_notice_never_backwards_and_a_new_one_at_once()
    {
        var plan = Plan(notice: 30);
        var early = Subscription.Enrol(plan, "E1", "ABC", 0m, "a", At(2027, 1, 5));
        plan.Update(plan.Terms with { PricePerPeriod = 40m }, "catalog", At(2027, 1, 20));
        var late = Subscription.Enrol(plan, "E2", "ABC", 0m, "b", At(2027, 1, 21));
        BillingPeriod Month(int m) => Calendar.EndingOn(new DateOnly(2027, m, DateTime.DaysInMonth(2027, m)), PlanPeriod.Monthly)!.Value;

        Assert.Equal(30m, plan.PriceFor(early.EnrolledAt, Month(1)).PricePerPeriod);
        Assert.Equal(30m, plan.PriceFor(early.EnrolledAt, Month(2)).PricePerPeriod); // Feb 1 is within the 30 days' notice
        Assert.Equal(40m, plan.PriceFor(early.EnrolledAt, Month(3)).PricePerPeriod);
        Assert.Equal(40m, plan.PriceFor(late.EnrolledAt, Month(1)).PricePerPeriod);
        Assert.Equal(new DateOnly(2027, 3, 1), plan.ReachesSubscribersFrom(new DateOnly(2027, 1, 20), Calendar));
    }

    [Fact]
    public void Cancelling_runs_to_the_end_of_the_period_or_of_the_minimum_term_and_at_once_only_where_the_plan_allows()
    {
        var termed = Subscription.Enrol(Plan(minimumTerm: 3, immediate: true), "E1", "ABC", 0m, "a", At(2027, 1, 5));
        var refused = Assert.Throws<ConflictException>(() =>
            termed.Cancel(Plan(minimumTerm: 3), Calendar, atPeriodEnd: false, "r", "E1", new DateOnly(2027, 1, 12), At(2027, 1, 12)));
        Assert.Contains("minimum term until 2027-03-31", refused.Message);
        termed.Cancel(Plan(minimumTerm: 3), Calendar, atPeriodEnd: true, "moving", "E1", new DateOnly(2027, 1, 12), At(2027, 1, 12));
        Assert.Equal((SubscriptionStatus.Cancelled, new DateOnly(2027, 3, 31)), (termed.Status, termed.EndsOn!.Value));

        var plain = Subscription.Enrol(Plan(PlanPeriod.PayPeriod, immediate: false), "E1", "ABC", 0m, "b", At(2027, 1, 5));
        Assert.Equal("invalid-state", Assert.Throws<ConflictException>(() => plain.Cancel(Plan(PlanPeriod.PayPeriod, immediate: false),
            Calendar, atPeriodEnd: false, "r", "E1", new DateOnly(2027, 1, 20), At(2027, 1, 20))).Code);
        plain.Cancel(Plan(PlanPeriod.PayPeriod), Calendar, atPeriodEnd: true, "r", "E1", new DateOnly(2027, 1, 20), At(2027, 1, 20));
        Assert.Equal(new DateOnly(2027, 1, 31), plain.EndsOn);
        Assert.Throws<ConflictException>(() =>
            plain.Cancel(Plan(PlanPeriod.PayPeriod), Calendar, true, "again", "E1", new DateOnly(2027, 1, 21), At(2027, 1, 21)));

        // HR is not bound by the minimum term; before service starts nothing is charged.
        var hr = Subscription.Enrol(Plan(minimumTerm: 12), "E1", "ABC", 0m, "c", At(2027, 1, 5));
        hr.Cancel(Plan(minimumTerm: 12), Calendar, atPeriodEnd: true, "leaves the scheme", "H1", new DateOnly(2027, 1, 12), At(2027, 1, 12), byHr: true);
        Assert.Equal((SubscriptionStatus.Ended, new DateOnly(2027, 1, 31)), (hr.Status, hr.EndsOn!.Value));
        var unstarted = Subscription.Enrol(Plan(minimumTerm: 3), "E1", "ABC", 0m, "d", At(2027, 1, 5));
        unstarted.Cancel(Plan(minimumTerm: 3), Calendar, true, "changed my mind", "H1", new DateOnly(2027, 1, 5), At(2027, 1, 5), byHr: true);
        Assert.Null(unstarted.Coverage(Calendar.Containing(new DateOnly(2027, 1, 6), PlanPeriod.Monthly)));
    }

    [Fact]
    public void A_pause_skips_the_periods_from_the_next_one_until_resumed()
    {
        var plan = Plan(PlanPeriod.PayPeriod, pause: true);
        var subscription = Subscription.Enrol(plan, "E1", "ABC", 0m, "a", At(2027, 1, 5));
        subscription.Pause(plan, Calendar, new DateOnly(2027, 1, 10), At(2027, 1, 10));
        Assert.Equal(new DateOnly(2027, 1, 16), subscription.PausedFrom);
        Assert.NotNull(subscription.Coverage(Calendar.EndingOn(new DateOnly(2027, 1, 15), PlanPeriod.PayPeriod)!.Value));
        Assert.Null(subscription.Coverage(Calendar.EndingOn(new DateOnly(2027, 1, 31), PlanPeriod.PayPeriod)!.Value));
        subscription.Resume(plan, Calendar, new DateOnly(2027, 2, 3), At(2027, 2, 3));
        Assert.Null(subscription.Coverage(Calendar.EndingOn(new DateOnly(2027, 2, 15), PlanPeriod.PayPeriod)!.Value));
        Assert.NotNull(subscription.Coverage(Calendar.EndingOn(new DateOnly(2027, 2, 28), PlanPeriod.PayPeriod)!.Value));
        Assert.Throws<ConflictException>(() => subscription.Resume(plan, Calendar, new DateOnly(2027, 2, 4), At(2027, 2, 4)));
        Assert.Throws<ConflictException>(() => Subscription.Enrol(Plan(pause: false), "E1", "ABC", 0m, "b", At(2027, 1, 5))
            .Pause(Plan(pause: false), Calendar, new DateOnly(2027, 1, 10), At(2027, 1, 10)));
    }

    [Fact]
    public void What_does_not_fit_is_carried_at_most_twice_a_charge_per_period_and_three_missed_periods_suspend()
    {
        var plan = Plan();
        var subscription = Subscription.Enrol(plan, "E1", "ABC", 0m, "a", At(2026, 12, 31));
        BillingPeriod Month(int m) => Calendar.EndingOn(new DateOnly(2027, m, DateTime.DaysInMonth(2027, m)), PlanPeriod.Monthly)!.Value;

        subscription.Billed(Month(1), 800m, 800m, 500m, "ABC", At(2027, 1, 31));
        Assert.Equal((SubscriptionStatus.Active, 300m, 1), (subscription.Status, subscription.Arrears, subscription.MissedPeriods));
        Assert.Equal(1600m, Subscription.MostCollectable(800m, 800m));
        subscription.Billed(Month(2), 800m, 800m, 1100m, "ABC", At(2027, 2, 28)); // room for all of it: caught up
        Assert.Equal((0m, 0), (subscription.Arrears, subscription.MissedPeriods));
        subscription.Billed(Month(3), 800m, 800m, 0m, "ABC", At(2027, 3, 31));
        subscription.Billed(Month(4), 800m, 800m, 700m, "ABC", At(2027, 4, 30));
        Assert.Equal(SubscriptionStatus.Active, subscription.Status);
        subscription.Billed(Month(5), 800m, 800m, 100m, "ABC", At(2027, 5, 31));
        Assert.Equal((SubscriptionStatus.Suspended, 3, 2400m - 800m), (subscription.Status, subscription.MissedPeriods, subscription.Arrears));
        Assert.Null(subscription.Coverage(Month(6)));
        Assert.Contains("suspended", subscription.EndReason);
    }

    [Fact]
    public void A_move_prices_from_the_next_period_and_employment_ending_stops_at_the_final_pay_date()
    {
        var plan = Plan();
        var subscription = Subscription.Enrol(plan, "E1", "ABC", 0m, "a", At(2027, 1, 5));
        subscription.MoveTo("XYZ", new DateOnly(2027, 2, 1), At(2027, 1, 20));
        BillingPeriod Month(int m) => Calendar.EndingOn(new DateOnly(2027, m, DateTime.DaysInMonth(2027, m)), PlanPeriod.Monthly)!.Value;
        Assert.Equal("ABC", subscription.CompanyFor(Month(1)));
        Assert.Equal("XYZ", subscription.CompanyFor(Month(2)));

        subscription.EndWithEmployment(new DateOnly(2027, 2, 15), At(2027, 2, 5));
        Assert.Equal((SubscriptionStatus.Ended, new DateOnly(2027, 2, 15)), (subscription.Status, subscription.EndsOn!.Value));
        Assert.Equal((new DateOnly(2027, 2, 1), new DateOnly(2027, 2, 15)), subscription.Coverage(Month(2))!.Value);
        Assert.Null(subscription.Coverage(Month(3)));
    }
}

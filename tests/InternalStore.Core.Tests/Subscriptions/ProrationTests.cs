using System.Globalization;
using System.Text.Json;
using InternalStore.Domain.Common;
using InternalStore.Domain.Settlement;
using InternalStore.Domain.Subscriptions;

namespace InternalStore.Core.Tests.Subscriptions;

/// <summary>The proration rule's worked cases (docs/pricing.md shows the same table): the first period to the cent.</summary>
public sealed class ProrationTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var c in Vectors().GetProperty("cases").EnumerateArray())
            data.Add(c.GetProperty("id").GetString()!);
        return data;
    }

    private static JsonElement Vectors() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Subscriptions", "proration-vectors.json"))).RootElement;

    private static DateOnly Day(JsonElement c, string name) =>
        DateOnly.ParseExact(c.GetProperty(name).GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_first_period_is_prorated_by_days_to_the_cent(string id)
    {
        var c = Vectors().GetProperty("cases").EnumerateArray().Single(x => x.GetProperty("id").GetString() == id);
        Assert.True(WireNames.TryParseWire<PlanPeriod>(c.GetProperty("planPeriod").GetString(), out var planPeriod));
        var calendar = new PayrollCalendar(c.GetProperty("periodsPerMonth").GetInt32());
        var plan = ServicePlan.Create("P", new ServicePlanTerms("Plan", "SKU", "XYZ", planPeriod, c.GetProperty("pricePerPeriod").GetDecimal(),
            0m, 0, 0, false, [], null, null, false, false, true), "USD", "test", new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var enrolledAt = new DateTimeOffset(Day(c, "enrolledOn").ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);
        var subscription = Subscription.Enrol(plan, "E1", "ABC", 0m, "k", enrolledAt);

        Assert.Equal(Day(c, "startsOn"), subscription.StartsOn);
        var period = calendar.Containing(subscription.StartsOn, planPeriod);
        Assert.Equal((Day(c, "periodStart"), Day(c, "periodEnd")), (period.Start, period.End));
        Assert.Equal(Day(c, "firstPayDate"), period.PayDate);
        Assert.Equal(period, calendar.EndingOn(period.PayDate, planPeriod));
        var (from, to) = subscription.Coverage(period)!.Value;
        Assert.Equal(c.GetProperty("daysCovered").GetInt32(), to.DayNumber - from.DayNumber + 1);
        Assert.Equal(c.GetProperty("daysInPeriod").GetInt32(), period.Days);
        Assert.Equal(c.GetProperty("firstCharge").GetDecimal(), period.Prorate(plan.PricePerPeriod, from, to, "USD"));
    }

    [Fact]
    public void A_monthly_plan_charges_nothing_on_the_15th_and_a_pay_period_plan_on_both_pay_dates()
    {
        var calendar = new PayrollCalendar(2);
        Assert.Null(calendar.EndingOn(new DateOnly(2027, 1, 15), PlanPeriod.Monthly));
        Assert.Equal(new BillingPeriod(new DateOnly(2027, 1, 1), new DateOnly(2027, 1, 31)),
            calendar.EndingOn(new DateOnly(2027, 1, 31), PlanPeriod.Monthly));
        Assert.Equal(new BillingPeriod(new DateOnly(2027, 1, 1), new DateOnly(2027, 1, 15)),
            calendar.EndingOn(new DateOnly(2027, 1, 15), PlanPeriod.PayPeriod));
        Assert.Equal(new BillingPeriod(new DateOnly(2027, 1, 16), new DateOnly(2027, 1, 31)),
            calendar.EndingOn(new DateOnly(2027, 1, 31), PlanPeriod.PayPeriod));
        Assert.Null(calendar.EndingOn(new DateOnly(2027, 1, 20), PlanPeriod.PayPeriod));

        // The pay date the worker bills: the latest on or before the day.
        Assert.Equal(new DateOnly(2027, 1, 15), calendar.PayDateOnOrBefore(new DateOnly(2027, 1, 15)));
        Assert.Equal(new DateOnly(2027, 1, 15), calendar.PayDateOnOrBefore(new DateOnly(2027, 1, 30)));
        Assert.Equal(new DateOnly(2026, 12, 31), calendar.PayDateOnOrBefore(new DateOnly(2027, 1, 14)));
        Assert.Equal(new DateOnly(2027, 2, 28), new PayrollCalendar(1).PayDateOnOrBefore(new DateOnly(2027, 3, 27)));
    }
}

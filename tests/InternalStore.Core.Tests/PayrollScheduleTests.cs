using InternalStore.Domain.Settlement;

namespace InternalStore.Core.Tests;

/// <summary>The payroll domain on its own: pay dates, splitting to the cent, refunds and leavers.</summary>
public sealed class PayrollScheduleTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    [Theory]
    [InlineData(2026, 11, 26, 2, "2026-11-30,2026-12-15,2026-12-31")]
    [InlineData(2026, 11, 30, 2, "2026-12-15,2026-12-31,2027-01-15")]
    [InlineData(2027, 2, 14, 2, "2027-02-15,2027-02-28,2027-03-15")]
    [InlineData(2028, 2, 16, 1, "2028-02-29,2028-03-31,2028-04-30")]
    public void Deductions_start_with_the_next_pay_date(int year, int month, int day, int periodsPerMonth, string expected)
    {
        var dates = new PayrollCalendar(periodsPerMonth).NextPayDates(new DateOnly(year, month, day), 3);

        Assert.Equal(expected, string.Join(',', dates.Select(d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))));
    }

    [Fact]
    public void Any_total_splits_into_parts_that_sum_to_it_exactly_and_differ_by_a_cent_at_most()
    {
        var random = new Random(20261126);
        for (var i = 0; i < 2000; i++)
        {
            var total = random.Next(1, 1_000_000) / 100m;
            var parts = random.Next(1, 13);

            var split = PayrollSchedule.Split(total, parts, "USD");

            Assert.Equal(total, split.Sum());
            Assert.True(split.Max() - split.Min() <= 0.01m, $"{total} / {parts}");
            Assert.All(split, p => Assert.Equal(decimal.Round(p, 2), p));
        }

        Assert.Equal([334m, 333m, 333m], PayrollSchedule.Split(1000m, 3, "JPY"));
    }

    [Fact]
    public void A_refund_cancels_later_deductions_from_the_last_back_and_credits_what_was_taken()
    {
        var periods = new[] { new DateOnly(2026, 10, 31), new DateOnly(2026, 11, 15), new DateOnly(2026, 11, 30), new DateOnly(2026, 12, 15) };
        var schedule = PayrollSchedule.Create(Guid.NewGuid(), "E1", 100m, "USD", periods, DateTimeOffset.UtcNow);
        var next = new DateOnly(2026, 11, 30); // October and mid-November are already paid out

        schedule.Refund(70m, next);

        var live = schedule.Live.OrderBy(d => d.Period).ThenBy(d => d.Amount).ToList();
        Assert.Equal(30m, live.Sum(d => d.Amount));
        Assert.DoesNotContain(live, d => d.Period == new DateOnly(2026, 12, 15));
        Assert.Contains(live, d => d.Period == next && d.Amount == -20m);
    }

    [Fact]
    public void A_leaver_s_later_deductions_fall_due_on_the_final_pay_date_and_the_total_is_kept()
    {
        var periods = new PayrollCalendar(2).NextPayDates(Today, 6);
        var schedule = PayrollSchedule.Create(Guid.NewGuid(), "E1", 123.45m, "USD", periods, DateTimeOffset.UtcNow);
        var final = new DateOnly(2026, 12, 15);

        schedule.CollapseInto(final);

        Assert.Equal(123.45m, schedule.Live.Sum(d => d.Amount));
        Assert.All(schedule.Live, d => Assert.True(d.Period <= final));
        Assert.Equal(123.45m - schedule.Live.Where(d => d.Period < final).Sum(d => d.Amount),
            schedule.Live.Where(d => d.Period == final).Sum(d => d.Amount));
    }
}

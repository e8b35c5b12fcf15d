using InternalStore.Domain.Common;
using InternalStore.Domain.Support;

namespace InternalStore.Core.Tests.Support;

/// <summary>
/// The business-hour clock of support targets on a Berlin calendar (Monday to Friday 09:00-17:00, Monday
/// 7 December a holiday): due instants skip the night, the weekend and the holiday; a pending stretch
/// stops the clock and pushes the targets back by its business time; breaches are frozen when answered.
/// </summary>
public sealed class BusinessClockTests
{
    private static readonly DateOnly Holiday = new(2026, 12, 7);
    private static readonly BusinessCalendar Berlin = new("Europe/Berlin", BusinessCalendar.Weekdays, new TimeOnly(9, 0), new TimeOnly(17, 0), [Holiday]);

    /// <summary>An instant given in Berlin's winter time (UTC+1).</summary>
    private static DateTimeOffset At(int day, int hour, int minute = 0) => new(2026, 12, day, hour, minute, 0, TimeSpan.FromHours(1));

    [Fact]
    public void Business_time_skips_nights_weekends_and_holidays()
    {
        Assert.Equal(At(8, 15), Berlin.Add(At(4, 15), TimeSpan.FromHours(8))); // Fri 2 h, Mon holiday, Tue 6 h
        Assert.Equal(At(8, 9, 30), Berlin.Add(At(4, 16, 30), TimeSpan.FromHours(1)));
        Assert.Equal(At(8, 10), Berlin.Add(At(5, 11), TimeSpan.FromHours(1))); // from a Saturday
        Assert.Equal(At(4, 17), Berlin.Add(At(4, 7), TimeSpan.FromHours(8))); // before opening: from 09:00
        Assert.Equal(TimeSpan.FromHours(2), Berlin.Between(At(4, 15), At(7, 12))); // the weekend and the holiday count nothing
        Assert.Equal(TimeSpan.FromHours(10), Berlin.Between(At(4, 15), At(8, 17)));
        Assert.Equal(TimeSpan.Zero, Berlin.Between(At(8, 17), At(4, 15)));
        Assert.False(Berlin.IsWorkingDay(Holiday));
    }

    [Theory]
    [InlineData(4, 15, 0, 0.5)]
    [InlineData(4, 16, 59, 40)]
    [InlineData(5, 3, 0, 13.25)]
    [InlineData(9, 17, 0, 7)]
    [InlineData(10, 8, 59, 100)]
    public void Adding_then_measuring_gives_back_the_same_business_time(int day, int hour, int minute, double hours)
    {
        var from = At(day, hour, minute);
        var due = Berlin.Add(from, TimeSpan.FromHours(hours));
        Assert.Equal(TimeSpan.FromHours(hours), Berlin.Between(from, due));
    }

    [Fact]
    public void A_daylight_saving_change_keeps_the_working_hours_local()
    {
        // Berlin moves to summer time on Sunday 29 March 2026: Friday 16:00 + 2 h is Monday 10:00 local, 08:00 UTC.
        var due = Berlin.Add(new DateTimeOffset(2026, 3, 27, 16, 0, 0, TimeSpan.FromHours(1)), TimeSpan.FromHours(2));
        Assert.Equal(new DateTimeOffset(2026, 3, 30, 8, 0, 0, TimeSpan.Zero), due);
    }

    [Fact]
    public void A_calendar_without_a_zone_days_or_hours_is_refused()
    {
        Assert.Equal("timeZone", Assert.Throws<DomainValidationException>(() =>
            new BusinessCalendar("Mars/Olympus", BusinessCalendar.Weekdays, new TimeOnly(9, 0), new TimeOnly(17, 0), [])).Field);
        Assert.Equal("workingDays", Assert.Throws<DomainValidationException>(() =>
            new BusinessCalendar("UTC", [], new TimeOnly(9, 0), new TimeOnly(17, 0), [])).Field);
        Assert.Equal("closes", Assert.Throws<DomainValidationException>(() =>
            new BusinessCalendar("UTC", BusinessCalendar.Weekdays, new TimeOnly(17, 0), new TimeOnly(9, 0), [])).Field);
    }

    [Fact]
    public void A_pending_stretch_stops_the_clock_and_pushes_the_targets_back()
    {
        // Normal priority: first response in 8 business hours, resolution in 40.
        var @case = SupportCase.Open("ABC", CaseCategory.PayrollDeduction, CasePriority.Normal, "Deducted twice", "Two deductions on 30 Nov",
            "E1001", "employee", At(4, 15));
        Assert.Equal(SupportTeam.Finance, @case.Team);
        var start = @case.Deadlines(Berlin, At(4, 15));
        Assert.Equal(At(8, 15), start.FirstResponseDue);
        Assert.Equal(At(14, 15), start.ResolutionDue); // Fri 2, Tue-Fri 32, Mon 14 Dec 6

        @case.ReplyAsStaff("F9001", "Looking into it", isInternal: false, At(8, 10), Berlin);
        Assert.Equal((CaseState.Open, false), (@case.State, @case.FirstResponseBreached!.Value));
        @case.ChangeState(CaseState.Pending, At(8, 11), Berlin);
        var pending = @case.Deadlines(Berlin, At(9, 12));
        Assert.True(pending.Paused);
        Assert.Null(pending.ResolutionDue);
        Assert.Equal(TimeSpan.FromHours(4), pending.BusinessTimeElapsed); // Fri 15-17, Tue 09-11: the clock stopped at 11:00

        @case.ReplyAsRequester("Here is my pay slip", At(10, 14), Berlin); // pending for Tue 6 h + Wed 8 h + Thu 5 h
        Assert.Equal(CaseState.Open, @case.State);
        Assert.Equal(TimeSpan.FromHours(19), @case.PausedBusinessTime);
        var resumed = @case.Deadlines(Berlin, At(10, 14));
        Assert.Equal(new DateTimeOffset(2026, 12, 17, 9, 0, 0, TimeSpan.Zero), resumed.ResolutionDue); // 40 + 19 business hours: Thu 17 Dec 10:00
        Assert.False(@case.Deadlines(Berlin, At(17, 9, 59)).ResolutionBreached);
        Assert.True(@case.Deadlines(Berlin, At(17, 10, 1)).ResolutionBreached);

        @case.ChangeState(CaseState.Solved, At(17, 9, 30), Berlin);
        Assert.False(@case.ResolutionBreached);
        Assert.False(@case.Deadlines(Berlin, At(31, 12)).ResolutionBreached); // frozen when solved
    }

    [Fact]
    public void An_unanswered_case_breaches_at_its_due_instant_not_before_and_on_hold_does_not_stop_the_clock()
    {
        var @case = SupportCase.Open("ABC", CaseCategory.Order, CasePriority.Urgent, "Laptop not delivered", "Ordered two weeks ago",
            "E1001", "employee", At(4, 16, 30));
        Assert.Equal(SupportTeam.StoreOperations, @case.Team);
        Assert.False(@case.Deadlines(Berlin, At(7, 12)).FirstResponseBreached); // the holiday: no time has run
        Assert.False(@case.Deadlines(Berlin, At(8, 9, 30)).FirstResponseBreached);
        Assert.True(@case.Deadlines(Berlin, At(8, 9, 31)).FirstResponseBreached);

        @case.ChangeState(CaseState.OnHold, At(8, 9, 40), Berlin);
        Assert.Equal(At(8, 12, 30), @case.Deadlines(Berlin, At(8, 10)).ResolutionDue); // 4 h: Fri 0.5 h, Tue 3.5 h; on hold counts
        @case.ReplyAsStaff("C9001", "The courier lost it; a new one ships today", isInternal: false, At(8, 10), Berlin);
        Assert.True(@case.FirstResponseBreached);
        Assert.True(@case.Deadlines(Berlin, At(30, 12)).FirstResponseBreached);
    }

    [Fact]
    public void States_move_as_documented_and_a_reply_reopens_a_solved_case_until_it_closes()
    {
        var @case = SupportCase.Open("ABC", CaseCategory.PolicyQuestion, CasePriority.Low, "Tier", "Why silver?", "E1001", "employee", At(4, 10));
        @case.ReplyAsStaff("H9001", "checking grade history", isInternal: true, At(4, 11), Berlin);
        Assert.Equal(CaseState.New, @case.State); // an internal note is not a response
        Assert.Null(@case.FirstResponseAt);
        Assert.Equal("invalid-state", Assert.Throws<ConflictException>(() => @case.ChangeState(CaseState.Closed, At(4, 12), Berlin)).Code);
        Assert.Equal("invalid-state", Assert.Throws<ConflictException>(() => @case.Rate(5, At(4, 12))).Code);

        @case.Assign("H9001", At(4, 12), Berlin);
        Assert.Equal(CaseState.Open, @case.State);
        @case.ChangeState(CaseState.Solved, At(4, 13), Berlin);
        @case.ReplyAsRequester("Still unclear", At(8, 10), Berlin); // Fri 13-17 and Tue 09-10 stood solved: not counted
        Assert.Equal((CaseState.Open, TimeSpan.FromHours(5)), (@case.State, @case.PausedBusinessTime));
        @case.ChangeState(CaseState.Solved, At(8, 11), Berlin);
        @case.Rate(4, At(8, 11));
        Assert.False(@case.CloseIfSolvedLongEnough(At(15, 10, 59), Berlin));
        Assert.True(@case.CloseIfSolvedLongEnough(At(15, 11), Berlin));
        Assert.Equal(CaseState.Closed, @case.State);
        Assert.Equal("invalid-state", Assert.Throws<ConflictException>(() => @case.ReplyAsRequester("and now?", At(16, 9), Berlin)).Code);
        Assert.Equal("invalid-state", Assert.Throws<ConflictException>(() => @case.Rate(1, At(16, 9))).Code);
        Assert.Equal(4, @case.Rating);
    }
}

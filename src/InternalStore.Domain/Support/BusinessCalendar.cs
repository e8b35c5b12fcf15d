using InternalStore.Domain.Common;

namespace InternalStore.Domain.Support;

/// <summary>
/// A company's working time for support targets: the working days of the week, the hours of a working
/// day in the company's time zone, and its holidays. Business time runs only inside those hours; a
/// target of 8 business hours set at 16:00 on a Friday falls due at 16:00 on Monday (09:00-17:00), later
/// if Monday is a holiday. Days are counted in local time, so a daylight-saving change keeps the hours.
/// </summary>
public sealed class BusinessCalendar
{
    public static readonly DayOfWeek[] Weekdays =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    private readonly TimeZoneInfo _zone;
    private readonly HashSet<DayOfWeek> _days;
    private readonly HashSet<DateOnly> _holidays;

    public BusinessCalendar(string timeZone, IEnumerable<DayOfWeek> workingDays, TimeOnly opens, TimeOnly closes, IEnumerable<DateOnly> holidays)
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone))
            throw new DomainValidationException("validation", "timeZone", $"'{timeZone}' is not a time zone (an IANA name such as Europe/Berlin).");
        _days = workingDays.ToHashSet();
        if (_days.Count == 0)
            throw new DomainValidationException("validation", "workingDays", "A calendar needs at least one working day.");
        if (closes <= opens)
            throw new DomainValidationException("validation", "closes", "closes is after opens, on the same day.");
        _zone = zone;
        TimeZone = timeZone;
        Opens = opens;
        Closes = closes;
        _holidays = holidays.ToHashSet();
    }

    /// <summary>Monday to Friday, 09:00 to 17:00 UTC, no holidays: a company that has not set its own.</summary>
    public static BusinessCalendar Default { get; } = new("UTC", Weekdays, new TimeOnly(9, 0), new TimeOnly(17, 0), []);

    public string TimeZone { get; }
    public TimeOnly Opens { get; }
    public TimeOnly Closes { get; }
    public IReadOnlyCollection<DayOfWeek> WorkingDays => _days;
    public IReadOnlyCollection<DateOnly> Holidays => _holidays;

    public bool IsWorkingDay(DateOnly day) => _days.Contains(day.DayOfWeek) && !_holidays.Contains(day);

    /// <summary>The business time between two instants (zero when <paramref name="to"/> is not after <paramref name="from"/>).</summary>
    public TimeSpan Between(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from)
            return TimeSpan.Zero;
        var total = TimeSpan.Zero;
        var (start, end) = (Local(from), Local(to));
        for (var day = DateOnly.FromDateTime(start); day <= DateOnly.FromDateTime(end); day = day.AddDays(1))
        {
            if (!IsWorkingDay(day))
                continue;
            var (open, close) = (day.ToDateTime(Opens), day.ToDateTime(Closes));
            var a = start > open ? start : open;
            var b = end < close ? end : close;
            if (b > a)
                total += b - a;
        }

        return total;
    }

    /// <summary>The instant <paramref name="duration"/> of business time after <paramref name="from"/>.</summary>
    public DateTimeOffset Add(DateTimeOffset from, TimeSpan duration)
    {
        if (duration < TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(duration), "Business time runs forward.");
        var cursor = Local(from);
        var left = duration;
        // Holidays and weekends are skipped a day at a time; ten years of days bounds a calendar that never opens.
        for (var guard = 0; guard < 3660; guard++)
        {
            var day = DateOnly.FromDateTime(cursor);
            var (open, close) = (day.ToDateTime(Opens), day.ToDateTime(Closes));
            if (IsWorkingDay(day) && cursor < close)
            {
                var start = cursor > open ? cursor : open;
                if (start + left <= close)
                    return Utc(start + left);
                left -= close - start;
            }

            cursor = day.AddDays(1).ToDateTime(TimeOnly.MinValue);
        }

        throw new InvalidOperationException("The calendar has no working time within ten years.");
    }

    private DateTime Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, _zone).DateTime;

    private DateTimeOffset Utc(DateTime local)
    {
        // A local time inside a spring-forward gap does not exist: the first instant after it does.
        while (_zone.IsInvalidTime(local))
            local = local.AddMinutes(1);
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), _zone), TimeSpan.Zero);
    }
}

namespace InternalStore.Domain.Support;

/// <summary>A company's stored business calendar for support targets; a company without one uses <see cref="BusinessCalendar.Default"/>.</summary>
public sealed class SupportCalendarSetting
{
    private SupportCalendarSetting()
    {
        Company = TimeZone = WorkingDays = Holidays = UpdatedBy = string.Empty;
    }

    public SupportCalendarSetting(string company) : this()
    {
        Company = company;
    }

    public string Company { get; private set; }
    public string TimeZone { get; private set; }

    /// <summary>Working days as stored: <c>mon,tue,wed,thu,fri</c>.</summary>
    public string WorkingDays { get; private set; }

    public TimeOnly Opens { get; private set; }
    public TimeOnly Closes { get; private set; }

    /// <summary>Holidays as stored: ISO days separated by commas.</summary>
    public string Holidays { get; private set; }

    public string UpdatedBy { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public long Version { get; private set; }

    /// <summary>Stores a calendar (validated by building it first).</summary>
    public void Set(BusinessCalendar calendar, string by, DateTimeOffset now)
    {
        TimeZone = calendar.TimeZone;
        WorkingDays = string.Join(',', calendar.WorkingDays.Order().Select(DayName));
        Opens = calendar.Opens;
        Closes = calendar.Closes;
        Holidays = string.Join(',', calendar.Holidays.Order().Select(d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        UpdatedBy = by;
        UpdatedAt = now;
        Version++;
    }

    public BusinessCalendar ToCalendar() => new(TimeZone,
        WorkingDays.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(ParseDay), Opens, Closes,
        Holidays.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(d => DateOnly.ParseExact(d, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));

    public static string DayName(DayOfWeek day) => day.ToString()[..3].ToLowerInvariant();

    public static bool TryParseDay(string? text, out DayOfWeek day)
    {
        foreach (var candidate in Enum.GetValues<DayOfWeek>())
        {
            if (string.Equals(DayName(candidate), text, StringComparison.Ordinal))
            {
                day = candidate;
                return true;
            }
        }

        day = default;
        return false;
    }

    private static DayOfWeek ParseDay(string text) => TryParseDay(text, out var day) ? day : throw new FormatException($"'{text}' is not a day.");
}

namespace InternalStore.Application.Common;

internal static class Precision
{
    /// <summary>
    /// A moment as both databases keep it (whole milliseconds: SQLite's binary form holds less than .NET's
    /// ticks), so the first answer and every later read of the same row agree.
    /// </summary>
    public static DateTimeOffset Stored(this TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMillisecond));
    }

    /// <summary>A quantity or rate without trailing zeros: 3.0 hours is 3, 14.5000 is 14.5.</summary>
    public static decimal Plain(this decimal value) => value / 1.000000000000000000000000000000000m;
}

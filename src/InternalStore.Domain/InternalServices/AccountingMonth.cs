using System.Globalization;

namespace InternalStore.Domain.InternalServices;

/// <summary>A calendar month of the books, written <c>YYYY-MM</c> on the wire and in the database.</summary>
public readonly record struct AccountingMonth(int Year, int Month) : IComparable<AccountingMonth>
{
    public DateOnly First => new(Year, Month, 1);
    public DateOnly Last => First.AddMonths(1).AddDays(-1);
    public AccountingMonth Next => Of(First.AddMonths(1));
    public AccountingMonth Previous => Of(First.AddMonths(-1));

    public bool Contains(DateOnly day) => day.Year == Year && day.Month == Month;

    public static AccountingMonth Of(DateOnly day) => new(day.Year, day.Month);

    public static bool TryParse(string? text, out AccountingMonth month)
    {
        month = default;
        if (text is not { Length: 7 } || !DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture,
                DateTimeStyles.None, out var first) || first.Year < 2000)
            return false;
        month = Of(first);
        return true;
    }

    /// <summary>A month already validated as <c>YYYY-MM</c>.</summary>
    public static AccountingMonth Parse(string? text) =>
        TryParse(text, out var month) ? month : throw new FormatException($"'{text}' is not a month, YYYY-MM.");

    public int CompareTo(AccountingMonth other) => (Year, Month).CompareTo((other.Year, other.Month));

    public static bool operator <(AccountingMonth a, AccountingMonth b) => a.CompareTo(b) < 0;
    public static bool operator >(AccountingMonth a, AccountingMonth b) => a.CompareTo(b) > 0;
    public static bool operator <=(AccountingMonth a, AccountingMonth b) => a.CompareTo(b) <= 0;
    public static bool operator >=(AccountingMonth a, AccountingMonth b) => a.CompareTo(b) >= 0;

    public override string ToString() => $"{Year:D4}-{Month:D2}";
}

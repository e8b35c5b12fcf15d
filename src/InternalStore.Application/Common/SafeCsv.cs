using System.Globalization;
using CsvHelper;

namespace InternalStore.Application.Common;

/// <summary>
/// The one CSV writer of every export (API, CLI, console): RFC 4180 through CsvHelper, and every text
/// cell, identifiers included (they come from imports and claims), that starts with <c>=</c>, <c>+</c>,
/// <c>-</c>, <c>@</c>, a tab or a carriage return is written behind an apostrophe, so a spreadsheet
/// shows it instead of running it. Numbers and dates are the server's own formatting of typed values
/// and stay as they are: a credit of -12.50 must reach payroll as a number. (CsvHelper's
/// <c>InjectionOptions.Escape</c> would escape those negative numbers too, so it is not used.)
/// </summary>
public static class SafeCsv
{
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    public static string Write(IReadOnlyList<string> header, IEnumerable<object?[]> rows)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new CsvWriter(text, CultureInfo.InvariantCulture))
        {
            foreach (var name in header)
                csv.WriteField(Neutralise(name));
            csv.NextRecord();
            foreach (var row in rows)
            {
                foreach (var field in row)
                    csv.WriteField(Cell(field));
                csv.NextRecord();
            }
        }

        return text.ToString();
    }

    /// <summary>Text a spreadsheet would run as a formula, behind an apostrophe.</summary>
    public static string Neutralise(string value) =>
        value.Length > 0 && Array.IndexOf(FormulaStarts, value[0]) >= 0 ? "'" + value : value;

    private static string Cell(object? field) => field switch
    {
        null => "",
        string text => Neutralise(text),
        decimal number => number.ToString(CultureInfo.InvariantCulture),
        int number => number.ToString(CultureInfo.InvariantCulture),
        long number => number.ToString(CultureInfo.InvariantCulture),
        DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset at => at.ToString("O", CultureInfo.InvariantCulture),
        Guid id => id.ToString(),
        IFormattable other => Neutralise(other.ToString(null, CultureInfo.InvariantCulture)),
        var other => Neutralise(other.ToString() ?? ""),
    };
}

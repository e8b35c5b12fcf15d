using System.Globalization;
using InternalStore.Api.Console;
using InternalStore.Application.InternalServices;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace InternalStore.Api.Pages.Console.Finance;

/// <summary>What each consuming centre's services cost, month by month (IT for Marketing versus Sales), as a chart, a table and CSV.</summary>
public sealed class InternalCostsModel(ISender sender, TimeProvider clock) : ConsolePageModel(sender)
{
    public string From { get; private set; } = "";
    public string To { get; private set; } = "";
    public InternalCostsDto? Report { get; private set; }

    public async Task OnGetAsync(string? from, string? to)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        To = string.IsNullOrWhiteSpace(to) ? today.ToString("yyyy-MM", CultureInfo.InvariantCulture) : to;
        From = string.IsNullOrWhiteSpace(from) ? today.AddMonths(-3).ToString("yyyy-MM", CultureInfo.InvariantCulture) : from;
        Report = await TryQueryAsync(new GetInternalCostsQuery(Caller, From, To));
    }

    public async Task<IActionResult> OnGetCsvAsync(string? from, string? to)
    {
        await OnGetAsync(from, to);
        return Report is null ? Page() : Csv(InternalCostsCsv.Write(Report), $"internal-costs-{From}-{To}.csv");
    }

    /// <summary>One bar group per month, one bar per (supplier, consumer) pair: the comparison the report is for.</summary>
    public CostChart? Chart => Report is null ? null : CostChart.Of(Report);
}

/// <summary>
/// The report's bars, laid out for a small inline SVG. Drawn by hand: a dozen rectangles need no
/// charting library, and the page stays plain HTML without scripts.
/// </summary>
public sealed record CostChart(IReadOnlyList<string> Months, IReadOnlyList<CostChart.Series> Lines, decimal Max)
{
    public const int Width = 720, Height = 260, Left = 60, Bottom = 30, Top = 10;
    private static readonly string[] Colours = ["#1f6feb", "#d1242f", "#1a7f37", "#9a6700", "#8250df", "#bf3989", "#0969da", "#57606a"];

    public sealed record Series(string Label, string Colour, IReadOnlyList<decimal> Amounts);

    public static CostChart Of(InternalCostsDto report)
    {
        var series = report.Rows.GroupBy(r => (r.Supplier, r.Consumer)).OrderBy(g => g.Key.Supplier, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Consumer, StringComparer.Ordinal)
            .Select((g, i) => new Series($"{g.First().SupplierName} for {g.First().ConsumerName} ({g.Key.Consumer})", Colours[i % Colours.Length],
                report.Months.Select(m => g.Where(r => r.Month == m).Sum(r => r.Amount)).ToList()))
            .ToList();
        var max = series.SelectMany(s => s.Amounts).DefaultIfEmpty(0m).Max();
        return new CostChart(report.Months, series, max <= 0 ? 1m : max);
    }

    public double BarWidth => Lines.Count == 0 ? 0 : (Width - Left - 10.0) / Months.Count / (Lines.Count + 1);
    public double X(int month, int series) => Left + month * (Width - Left - 10.0) / Months.Count + (series + 0.5) * BarWidth;
    public double BarHeight(decimal amount) => amount <= 0 ? 0 : (double)(amount / Max) * (Height - Bottom - Top);
}

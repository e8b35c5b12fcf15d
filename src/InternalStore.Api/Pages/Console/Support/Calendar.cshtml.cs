using System.Globalization;
using InternalStore.Api.Console;
using InternalStore.Application.Support;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace InternalStore.Api.Pages.Console.Support;

/// <summary>A company's business calendar for support targets.</summary>
public sealed class CalendarModel(ISender sender) : ConsolePageModel(sender)
{
    [BindProperty(SupportsGet = true)]
    public string? Company { get; set; }

    public SupportCalendarDto? Calendar { get; private set; }

    public async Task OnGetAsync()
    {
        Company = string.IsNullOrWhiteSpace(Company) ? Caller.Company : Company.Trim().ToUpperInvariant();
        if (Company is not null)
            Calendar = await TryQueryAsync(new GetSupportCalendarQuery(Caller, Company));
    }

    public async Task<IActionResult> OnPostAsync(string? company, string? timeZone, List<string?>? workingDays, string? opens, string? closes,
        string? holidays)
    {
        var days = new List<DateOnly>();
        foreach (var text in (holidays ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                ModelState.AddModelError("holidays", $"'{text}' is not a date (YYYY-MM-DD).");
                Company = company;
                await OnGetAsync();
                return Page();
            }

            days.Add(day);
        }

        if (await TrySendAsync(new SetSupportCalendarCommand(Caller, company ?? "", timeZone, workingDays ?? [], opens, closes, days)) is { } saved)
        {
            Notice = $"The calendar of {saved.Company} is saved.";
            return RedirectToPage(new { company = saved.Company });
        }

        Company = company;
        await OnGetAsync();
        return Page();
    }
}

using System.Globalization;
using InternalStore.Api.Console;
using InternalStore.Application.InternalServices;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace InternalStore.Api.Pages.Console.Finance;

/// <summary>Finance's month-end for internal services: close a company's month, choose chargeback or showback, answer disputes.</summary>
public sealed class MonthEndModel(ISender sender, TimeProvider clock) : ConsolePageModel(sender)
{
    public IReadOnlyList<AccountingPeriodDto> Periods { get; private set; } = [];
    public IReadOnlyList<CostAllocationSettingDto> Settings { get; private set; } = [];
    public IReadOnlyList<DisputeDto> Disputes { get; private set; } = [];
    public string LastMonth => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddMonths(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public async Task OnGetAsync()
    {
        Periods = await Sender.Send(new ListPeriodsQuery(Caller), HttpContext.RequestAborted);
        Settings = await Sender.Send(new GetCostAllocationSettingsQuery(Caller), HttpContext.RequestAborted);
        Disputes = await Sender.Send(new ListDisputesQuery(Caller, null), HttpContext.RequestAborted);
    }

    public async Task<IActionResult> OnPostCloseAsync(string? month, string? company)
    {
        if (await TrySendAsync(new ClosePeriodCommand(Caller, month, company)) is { } period)
        {
            Notice = period.AlreadyClosed ? $"{period.Month} was closed for {period.Company} already, by {period.ClosedBy}."
                : $"{period.Month} is closed for {period.Company}: {period.EntriesPriced} entries priced ({period.Amount:0.00}), "
                  + $"{period.JournalEntries} postings, {period.Invoices} intercompany invoice(s), {period.Mode}.";
            return RedirectToPage();
        }

        await OnGetAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostModeAsync(string? company, string? mode)
    {
        if (await TrySendAsync(new SetCostAllocationCommand(Caller, company, mode)) is { } setting)
        {
            Notice = $"{setting.Company} closes its months by {setting.Mode} from now on.";
            return RedirectToPage();
        }

        await OnGetAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostResolveAsync(Guid id, string? outcome, decimal? amount, string? reason)
    {
        if (await TrySendAsync(new ResolveDisputeCommand(Caller, id, outcome, outcome == "upheld" ? null : amount, reason)) is { } dispute)
        {
            Notice = dispute.Status == "upheld" ? "The line stands." : $"Adjusted by {dispute.Adjustment:0.00}, landing in {dispute.AdjustmentMonth}.";
            return RedirectToPage();
        }

        await OnGetAsync();
        return Page();
    }
}

using InternalStore.Api.Console;
using InternalStore.Application.InternalServices;
using InternalStore.Application.People;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace InternalStore.Api.Pages.Console.Services;

/// <summary>
/// A provider records usage (each form carries its own idempotency key, so a double submit records once),
/// sees the month's entries with a running total, reverses a mistake and answers disputes of its lines.
/// </summary>
public sealed class UsageModel(ISender sender, TimeProvider clock) : ConsolePageModel(sender)
{
    public IReadOnlyList<InternalServiceDto> Services { get; private set; } = [];
    public IReadOnlyList<CostCenterDto> Consumers { get; private set; } = [];
    public UsageListDto? Usage { get; private set; }
    public IReadOnlyList<DisputeDto> Disputes { get; private set; } = [];
    public string Month { get; private set; } = "";
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    [BindProperty]
    public EntryForm Form { get; set; } = new();

    public async Task OnGetAsync(string? month)
    {
        Month = string.IsNullOrWhiteSpace(month) ? Today.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture) : month;
        Services = (await Sender.Send(new ListInternalServicesQuery(Caller), HttpContext.RequestAborted)).Where(s => s.Active).ToList();
        Consumers = await IndexModel.ConsumersAsync(Sender, Caller, HttpContext.RequestAborted);
        Usage = await TryQueryAsync(new ListUsageQuery(Caller, Month, null, null));
        Disputes = await Sender.Send(new ListDisputesQuery(Caller, null), HttpContext.RequestAborted);
        Form.Key ??= Guid.NewGuid().ToString("N");
        Form.Date ??= Today;
    }

    public async Task<IActionResult> OnPostRecordAsync()
    {
        var f = Form;
        if (await TrySendAsync(new RecordUsageCommand(Caller, f.Key, f.Service, f.Consumer, f.Quantity, f.Date, f.Reference, f.Note)) is { } saved)
        {
            Notice = saved.Created
                ? $"Recorded {saved.Entry.Quantity} {saved.Entry.Unit} of {saved.Entry.ServiceName} for {saved.Entry.Consumer} on {saved.Entry.Date:yyyy-MM-dd} ({saved.Entry.Amount:0.00} at today's rates)."
                : "That entry was recorded already.";
            return RedirectToPage(new { month = saved.Entry.Date.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture) });
        }

        var key = f.Key;
        await OnGetAsync(f.Date?.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture));
        Form.Key = key;
        return Page();
    }

    public async Task<IActionResult> OnPostReverseAsync(Guid id, string? reason, string? month)
    {
        if (await TrySendAsync(new ReverseUsageCommand(Caller, id, reason)) is { } reversal)
        {
            Notice = $"Reversed: {reversal.Quantity} {reversal.Unit} on {reversal.Date:yyyy-MM-dd}.";
            return RedirectToPage(new { month });
        }

        await OnGetAsync(month);
        return Page();
    }

    public async Task<IActionResult> OnPostResolveAsync(Guid id, string? outcome, decimal? amount, string? reason, string? month)
    {
        if (await TrySendAsync(new ResolveDisputeCommand(Caller, id, outcome, outcome == "upheld" ? null : amount, reason)) is { } dispute)
        {
            Notice = dispute.Status == "upheld" ? "The line stands; the department is told why."
                : $"Adjusted by {dispute.Adjustment:0.00}, landing in {dispute.AdjustmentMonth}.";
            return RedirectToPage(new { month });
        }

        await OnGetAsync(month);
        return Page();
    }

    public sealed class EntryForm
    {
        public string? Key { get; set; }
        public string? Service { get; set; }
        public string? Consumer { get; set; }
        public decimal? Quantity { get; set; }
        public DateOnly? Date { get; set; }
        public string? Reference { get; set; }
        public string? Note { get; set; }
    }
}

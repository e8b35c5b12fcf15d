using InternalStore.Api.Console;
using InternalStore.Application.Checkout;
using InternalStore.Application.Common;
using InternalStore.Application.Finance;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace InternalStore.Api.Pages.Console.Finance;

/// <summary>Intercompany invoices; an open one can be marked settled when the affiliate has paid.</summary>
public sealed class InvoicesModel(ISender sender) : ConsolePageModel(sender)
{
    public const int PageSize = 50;

    public string? Status { get; private set; }
    public Page<InvoiceDto>? Invoices { get; private set; }

    public async Task OnGetAsync(string? status, int? p)
    {
        Status = string.IsNullOrWhiteSpace(status) ? null : status;
        Invoices = await TryQueryAsync(new ListInvoicesQuery(Caller, Status, Math.Max(1, p ?? 1), PageSize));
    }

    public async Task<IActionResult> OnPostSettleAsync(Guid id)
    {
        var settled = await TrySendAsync(new SettleInvoiceCommand(Caller, id));
        if (settled is null)
        {
            await OnGetAsync(null, null);
            return Page();
        }

        Notice = $"Invoice {settled.Number} marked settled.";
        return RedirectToPage();
    }
}

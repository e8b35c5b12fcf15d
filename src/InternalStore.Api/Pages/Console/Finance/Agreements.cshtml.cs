using InternalStore.Api.Console;
using InternalStore.Application.Common;
using InternalStore.Application.Negotiation.Agreements;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace InternalStore.Api.Pages.Console.Finance;

/// <summary>The standing agreements the caller's companies sell on, filtered by status and SKU; finance ends one with a reason.</summary>
public sealed class AgreementsModel(ISender sender) : ConsolePageModel(sender)
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Sku { get; set; }

    public Page<PriceAgreementDto>? Agreements { get; private set; }

    public async Task OnGetAsync(int? p) =>
        Agreements = await TryQueryAsync(new ListPriceAgreementsQuery(Caller, Mine: false, Blank(Status), Blank(Sku), null, null,
            Math.Max(1, p ?? 1), PageSize));

    public async Task<IActionResult> OnPostEndAsync(long id, string? reason)
    {
        if (await TrySendAsync(new EndPriceAgreementCommand(Caller, id, reason)) is { } ended)
        {
            Notice = $"Agreement {ended.Id} ({ended.Sku} for {ended.CostCenter ?? ended.BuyerCompany}) ended: from today the standard price applies.";
            return RedirectToPage();
        }

        await OnGetAsync(null);
        return Page();
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

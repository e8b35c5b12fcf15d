using System.Globalization;
using InternalStore.Api.Console;
using InternalStore.Application.Finance;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace InternalStore.Api.Pages.Console.Finance;

/// <summary>The markups over cost that departments (per category or default) and affiliates pay.</summary>
public sealed class TransferPricingModel(ISender sender) : ConsolePageModel(sender)
{
    [BindProperty]
    public decimal? DefaultMarkupPercent { get; set; }

    [BindProperty]
    public decimal? IntercompanyMarkupPercent { get; set; }

    [BindProperty]
    public List<MarkupRow> CategoryMarkups { get; set; } = [];

    public sealed class MarkupRow
    {
        public string? Category { get; set; }
        public string? MarkupPercent { get; set; }
    }

    public async Task OnGetAsync()
    {
        var settings = await Sender.Send(new GetTransferPricingQuery(Caller), HttpContext.RequestAborted);
        DefaultMarkupPercent = settings.DefaultMarkupPercent;
        IntercompanyMarkupPercent = settings.IntercompanyMarkupPercent;
        CategoryMarkups = [.. settings.CategoryMarkups.Select(m => new MarkupRow
            { Category = m.Category, MarkupPercent = m.MarkupPercent.ToString(CultureInfo.InvariantCulture) }), new(), new()];
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var rows = CategoryMarkups.Where(r => !string.IsNullOrWhiteSpace(r.Category) || !string.IsNullOrWhiteSpace(r.MarkupPercent)).ToList();
        var markups = new List<CategoryMarkupDto>();
        for (var i = 0; i < rows.Count; i++)
        {
            if (InternalStore.Pricing.InvariantNumbers.TryParseDecimal(rows[i].MarkupPercent, out var percent))
                markups.Add(new CategoryMarkupDto(rows[i].Category?.Trim() ?? "", percent));
            else
                ModelState.AddModelError($"categoryMarkups[{i}].MarkupPercent", $"'{rows[i].MarkupPercent}' is not a number.");
        }

        if (ModelState.IsValid && await TrySendAsync(new UpdateTransferPricingCommand(Caller, DefaultMarkupPercent, IntercompanyMarkupPercent, markups)) is not null)
        {
            Notice = "Transfer-pricing markups saved.";
            return RedirectToPage();
        }

        CategoryMarkups = [.. rows, new(), new()];
        return Page();
    }
}

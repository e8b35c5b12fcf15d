using InternalStore.Api.Shop;
using InternalStore.Application.Support;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace InternalStore.Api.Pages.Shop.Cases;

/// <summary>A new case, linked to the order (or statement line, subscription...) it was opened from.</summary>
public sealed class NewModel(ISender sender) : ShopPageModel(sender)
{
    [BindProperty(SupportsGet = true, Name = "type")]
    public string? LinkType { get; set; }

    [BindProperty(SupportsGet = true, Name = "id")]
    public string? LinkId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Category { get; set; }

    public string? Priority { get; private set; }
    public string? Subject { get; private set; }
    public string? Message { get; private set; }
    public string Key { get; private set; } = NewKey();

    public void OnGet()
    {
        Category ??= LinkType switch
        {
            "deduction" => "payrollDeduction",
            "statement-line" or "invoice" => "chargebackOrInvoiceLine",
            "subscription" => "subscription",
            "quote-request" => "negotiatedPrice",
            _ => "order",
        };
        if (LinkType is null)
            LinkId = null;
    }

    public async Task<IActionResult> OnPostAsync(string? key, string? linkType, string? linkId, string? category, string? priority,
        string? subject, string? message)
    {
        var links = linkType is null ? null : new[] { new CaseLinkInput(linkType, linkId) };
        if (await TrySendAsync(new OpenCaseCommand(Caller, key, category, priority, subject, message, links)) is { } opened)
        {
            Notice = $"Your case is open: {CaseWords.Team(opened.Case.Team)} answers it.";
            return Redirect($"/shop/cases/{opened.Case.Id}");
        }

        (LinkType, LinkId, Category, Priority, Subject, Message, Key) = (linkType, linkId, category, priority, subject, message, key ?? NewKey());
        return Page();
    }
}

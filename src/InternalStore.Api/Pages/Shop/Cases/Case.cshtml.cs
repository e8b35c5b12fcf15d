using InternalStore.Api.Shop;
using InternalStore.Application.Support;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace InternalStore.Api.Pages.Shop.Cases;

/// <summary>One of the buyer's cases: its messages (never staff's internal notes), a reply, a rating once solved.</summary>
public sealed class CaseModel(ISender sender) : ShopPageModel(sender)
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public CaseDto? Case { get; private set; }

    public async Task OnGetAsync() => Case = await LoadAsync();

    /// <summary>Only the buyer's own cases open in the shop; staff work theirs in the console.</summary>
    private async Task<CaseDto> LoadAsync()
    {
        var found = await Sender.Send(new GetCaseQuery(Caller, Id), HttpContext.RequestAborted);
        return found.RequesterId == Caller.Subject ? found : throw new Domain.Common.NotFoundException("Case", Id.ToString());
    }

    public async Task<IActionResult> OnPostReplyAsync(string? text)
    {
        await LoadAsync();
        if (await TrySendAsync(new AddCaseMessageCommand(Caller, Id, text, null)) is not null)
        {
            Notice = "Your reply is sent.";
            return RedirectToPage();
        }

        Case = await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRateAsync(int? score)
    {
        await LoadAsync();
        if (await TrySendAsync(new RateCaseCommand(Caller, Id, score)) is not null)
        {
            Notice = "Thank you for rating the answer.";
            return RedirectToPage();
        }

        Case = await LoadAsync();
        return Page();
    }
}

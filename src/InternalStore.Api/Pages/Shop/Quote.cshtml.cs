using InternalStore.Api.Shop;
using InternalStore.Application.Negotiation;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace InternalStore.Api.Pages.Shop;

/// <summary>One price request: the offers with their cost basis (open book); accept, decline, ask again, or withdraw.</summary>
public sealed class QuoteModel(ISender sender) : ShopPageModel(sender)
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public QuoteRequestDto? Quote { get; private set; }
    public string Key { get; private set; } = NewKey();

    public async Task OnGetAsync() => Quote = await Sender.Send(new GetQuoteRequestQuery(Caller, Id), HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostAcceptAsync(int version, string? key)
    {
        if (await TrySendAsync(new AcceptOfferCommand(Caller, Id, version, key)) is { } accepted)
        {
            Notice = $"Offer v{version} accepted: your order is placed at the offered prices ({accepted.Method}).";
            return LocalRedirect($"/shop/orders/{accepted.Order.Id}");
        }

        await OnGetAsync();
        return Page();
    }

    public Task<IActionResult> OnPostDeclineAsync(int version, string? reason) => AnswerAsync(version, OfferAnswer.Decline, reason);

    public Task<IActionResult> OnPostRenegotiateAsync(int version, string? reason) => AnswerAsync(version, OfferAnswer.Renegotiate, reason);

    public async Task<IActionResult> OnPostWithdrawAsync(string? reason)
    {
        if (await TrySendAsync(new WithdrawQuoteRequestCommand(Caller, Id, reason)) is not null)
        {
            Notice = "Request withdrawn.";
            return RedirectToPage();
        }

        await OnGetAsync();
        return Page();
    }

    private async Task<IActionResult> AnswerAsync(int version, OfferAnswer answer, string? reason)
    {
        if (await TrySendAsync(new AnswerOfferCommand(Caller, Id, version, answer, reason)) is not null)
        {
            Notice = answer == OfferAnswer.Decline ? $"Offer v{version} declined." : "Finance is asked for a better offer.";
            return RedirectToPage();
        }

        await OnGetAsync();
        return Page();
    }
}

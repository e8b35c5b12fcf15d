using InternalStore.Api.Shop;
using InternalStore.Application.Carts;
using InternalStore.Application.Common;
using InternalStore.Application.Negotiation;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace InternalStore.Api.Pages.Shop;

/// <summary>Ask for a negotiated price on the cart's lines, with a target unit price per line and a comment.</summary>
public sealed class NewQuoteModel(ISender sender) : ShopPageModel(sender)
{
    public CartDto? Cart { get; private set; }
    public string Key { get; private set; } = NewKey();
    public bool Negotiates => Caller.IsInRole(Roles.DepartmentBuyer) || Caller.IsInRole(Roles.AffiliateBuyer);

    public async Task OnGetAsync() => Cart = await Sender.Send(new GetCartQuery(Caller), HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostAsync(string? key, Dictionary<string, decimal?>? targets, string? comment)
    {
        var cart = await Sender.Send(new GetCartQuery(Caller), HttpContext.RequestAborted);
        var lines = cart.Lines.Select(l => new QuoteRequestLineRequest(l.Sku, l.Quantity, targets?.GetValueOrDefault(l.Sku))).ToList();
        if (await TrySendAsync(new SubmitQuoteRequestCommand(Caller, key, lines, null, comment)) is { } sent)
        {
            Notice = sent.Request.Status == "offered"
                ? "Your request is answered: an offer within finance's standing limits is ready."
                : "Your request is with finance; the offer will show here.";
            return LocalRedirect($"/shop/quotes/{sent.Request.Id}");
        }

        Cart = cart;
        return Page();
    }
}

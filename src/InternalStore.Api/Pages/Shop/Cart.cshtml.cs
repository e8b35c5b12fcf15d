using InternalStore.Api.Shop;
using InternalStore.Application.Carts;
using InternalStore.Application.Common;
using InternalStore.Application.Pricing;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace InternalStore.Api.Pages.Shop;

/// <summary>The cart kept for the person: quantities, a live quote, and what stands in the way of ordering, before ordering.</summary>
public sealed class CartModel(ISender sender) : ShopPageModel(sender)
{
    public CartDto? Cart { get; private set; }
    public AllowanceDto? Allowance { get; private set; }

    public async Task OnGetAsync()
    {
        await LoadPaymentOptionsAsync();
        Cart = await Sender.Send(new GetCartQuery(Caller), HttpContext.RequestAborted);
        if (Caller.IsInRole(Roles.Employee))
            Allowance = await Sender.Send(new GetMyAllowanceQuery(Caller), HttpContext.RequestAborted);
    }

    public async Task<IActionResult> OnPostSetAsync(string sku, int? quantity)
    {
        if (!await TryRunAsync(new SetCartLineCommand(Caller, sku, quantity)))
        {
            await OnGetAsync();
            return Page();
        }

        Notice = quantity == 0 ? $"{sku} taken out of your cart." : $"{sku}: quantity set to {quantity}.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveAsync(string sku)
    {
        await TryRunAsync(new SetCartLineCommand(Caller, sku, 0));
        Notice = $"{sku} taken out of your cart.";
        return RedirectToPage();
    }
}

using InternalStore.Api.Shop;
using InternalStore.Application.Carts;
using InternalStore.Application.Shop;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace InternalStore.Api.Pages.Shop;

/// <summary>One product: the buyer's price for a quantity, explained in plain words and step by step.</summary>
public sealed class ProductModel(ISender sender) : ShopPageModel(sender)
{
    [BindProperty(SupportsGet = true)]
    public string Sku { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public int Quantity { get; set; } = 1;

    public ShopProductDetailsDto? Details { get; private set; }

    public async Task OnGetAsync()
    {
        await LoadPaymentOptionsAsync();
        Details = await TryQueryAsync(new GetShopProductQuery(Caller, Sku, Quantity));
        if (Details is null && ModelState.ContainsKey("quantity"))
            Details = await Sender.Send(new GetShopProductQuery(Caller, Sku), HttpContext.RequestAborted);
    }

    public async Task<IActionResult> OnPostAddAsync(int? quantity)
    {
        if (await TryRunAsync(new SetCartLineCommand(Caller, Sku, quantity ?? 1, Add: true)))
        {
            Notice = $"Added {quantity ?? 1} to your cart.";
            return LocalRedirect($"/shop/products/{Uri.EscapeDataString(Sku)}");
        }

        await OnGetAsync();
        return Page();
    }
}

using InternalStore.Api.Shop;
using InternalStore.Application.Carts;
using InternalStore.Application.Common;
using InternalStore.Application.Pricing;
using InternalStore.Application.Shop;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace InternalStore.Api.Pages.Shop;

/// <summary>The catalog: search, categories, paging; the buyer's own price beside the list price.</summary>
public sealed class IndexModel(ISender sender) : ShopPageModel(sender)
{
    public const int PageSize = 12;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Category { get; set; }

    // "page" is Razor Pages' own route value.
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public ShopCatalogDto? Catalog { get; private set; }
    public AllowanceDto? Allowance { get; private set; }

    public async Task OnGetAsync()
    {
        await LoadPaymentOptionsAsync();
        Catalog = await TryQueryAsync(new BrowseCatalogQuery(Caller, Search, Category, Math.Max(1, PageNumber), PageSize));
        if (Caller.IsInRole(Roles.Employee))
            Allowance = await Sender.Send(new GetMyAllowanceQuery(Caller), HttpContext.RequestAborted);
    }

    public async Task<IActionResult> OnPostAddAsync(string sku, int? quantity, string? returnUrl)
    {
        if (await TryRunAsync(new SetCartLineCommand(Caller, sku, quantity ?? 1, Add: true)))
            Notice = $"Added {quantity ?? 1} × {sku} to your cart.";
        else
            Notice = ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage).FirstOrDefault();
        return LocalRedirect(SafeReturn(returnUrl, "/shop"));
    }
}

using InternalStore.Api.Shop;
using InternalStore.Application.Common;
using InternalStore.Application.Orders;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace InternalStore.Api.Pages.Shop;

/// <summary>The buyer's own orders, newest first.</summary>
public sealed class OrdersModel(ISender sender) : ShopPageModel(sender)
{
    public const int PageSize = 20;

    // "page" is Razor Pages' own route value.
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public Page<OrderDto>? Orders { get; private set; }

    public async Task OnGetAsync() =>
        Orders = await Sender.Send(new ListOrdersQuery(Caller, null, Caller.Subject, null, null, null, Math.Max(1, PageNumber), PageSize),
            HttpContext.RequestAborted);
}

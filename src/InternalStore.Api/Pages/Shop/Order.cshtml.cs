using InternalStore.Api.Shop;
using InternalStore.Application.Checkout;
using InternalStore.Application.Orders;
using InternalStore.Application.Shop;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace InternalStore.Api.Pages.Shop;

/// <summary>One of the buyer's orders: lines and why each cost what it did, how it is paid, refunds; cancel or ask for a refund.</summary>
public sealed class OrderModel(ISender sender, TimeProvider clock) : ShopPageModel(sender)
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public OrderDetailsDto? Details { get; private set; }
    public string Key { get; private set; } = NewKey();
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task OnGetAsync() => Details = await Load();

    /// <summary>Only the buyer's own orders open here: another's is 404, as in the API.</summary>
    private async Task<OrderDetailsDto> Load()
    {
        var details = await Sender.Send(new GetOrderDetailsQuery(Caller, Id), HttpContext.RequestAborted);
        return details.Order.BuyerId == Caller.Subject ? details : throw new Domain.Common.NotFoundException("Order", Id.ToString());
    }

    public async Task<IActionResult> OnPostCancelAsync()
    {
        await Load();
        if (await TrySendAsync(new CancelOrderCommand(Caller, Id)) is not null)
        {
            Notice = "Your order is cancelled; nothing is charged.";
            return RedirectToPage();
        }

        Details = await Load();
        return Page();
    }

    public async Task<IActionResult> OnPostRefundAsync(string? key, string? reason, Dictionary<string, int?>? quantities)
    {
        var details = await Load();
        var lines = quantities?.Where(q => q.Value is > 0).Select(q => new RefundLineRequest(q.Key, q.Value)).ToList();
        var refund = await TrySendAsync(new RequestRefundCommand(Caller, Id, key, lines is { Count: > 0 } ? lines : null, reason, false));
        if (refund is not null)
        {
            Notice = $"Refund of {PriceWords.Money(refund.Refund.Amount, refund.Refund.Currency)} requested: it goes back the way you paid.";
            return RedirectToPage();
        }

        Details = details;
        return Page();
    }
}

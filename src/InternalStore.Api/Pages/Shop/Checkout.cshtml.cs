using InternalStore.Api.Shop;
using InternalStore.Application.Carts;
using InternalStore.Application.Checkout;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace InternalStore.Api.Pages.Shop;

/// <summary>
/// Checkout: the ways open to the buyer, for payroll each pay date and amount, then one confirm
/// button per way. Each form carries its idempotency key: a double click or a resent form places one
/// order and one payment.
/// </summary>
public sealed class CheckoutModel(ISender sender) : ShopPageModel(sender)
{
    [BindProperty(SupportsGet = true)]
    public int? Installments { get; set; }

    public CheckoutPreviewDto? Preview { get; private set; }

    /// <summary>The key every confirm form of this page carries; a new one after a refusal.</summary>
    public string Key { get; private set; } = NewKey();

    public async Task OnGetAsync()
    {
        Preview = await Sender.Send(new PreviewCheckoutQuery(Caller, Installments), HttpContext.RequestAborted);
    }

    public async Task<IActionResult> OnPostAsync(string? method, string? key)
    {
        var result = await TrySendAsync(new CheckoutCartCommand(Caller, key, method, method == "payroll" ? Installments ?? 1 : null, null));
        if (result is null)
        {
            await OnGetAsync();
            return Page();
        }

        if (result.Details is CardCheckoutDto)
            return LocalRedirect($"/shop/orders/{result.Order.Id}/pay?key={Uri.EscapeDataString(key!)}");
        Notice = result.Order.Status == "paid"
            ? "Thank you: your order is placed and paid."
            : "Thank you: your order is placed; it is paid when the invoice is settled.";
        return LocalRedirect($"/shop/orders/{result.Order.Id}");
    }
}

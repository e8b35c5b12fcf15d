using InternalStore.Api.Console;
using InternalStore.Application.Checkout;
using Mediator;

namespace InternalStore.Api.Shop;

/// <summary>Base of every shop page: the console's way of sending requests and showing refusals, with the shop's home.</summary>
public abstract class ShopPageModel(ISender sender) : ConsolePageModel(sender)
{
    protected override (string Home, string Name, string Stylesheet) Area => ("/shop", "Shop home", "/shop/shop.css");

    /// <summary>The ways the caller can pay, for the banner that says so before they build a cart.</summary>
    public PaymentOptionsDto? Payment { get; private set; }

    protected async Task LoadPaymentOptionsAsync() =>
        Payment = await Sender.Send(new GetPaymentOptionsQuery(Caller), HttpContext.RequestAborted);

    /// <summary>A fresh idempotency key for a form: sending it twice (double click, resend) does the work once.</summary>
    public static string NewKey() => Guid.NewGuid().ToString("N");

    /// <summary>A page's local address to come back to after a form (never another site).</summary>
    protected string SafeReturn(string? returnUrl, string fallback) =>
        returnUrl is not null && Url.IsLocalUrl(returnUrl) && returnUrl.StartsWith("/shop", StringComparison.Ordinal) ? returnUrl : fallback;
}

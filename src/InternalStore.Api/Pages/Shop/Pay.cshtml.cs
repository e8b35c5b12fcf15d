using InternalStore.Api.Shop;
using InternalStore.Application.Checkout;
using InternalStore.Application.Orders;
using InternalStore.Infrastructure.Payments;
using Mediator;
using Microsoft.Extensions.Options;

namespace InternalStore.Api.Pages.Shop;

/// <summary>
/// Card payment with Stripe's Payment Element: the order's one PaymentIntent (the checkout, sent
/// again with the order's own checkout key, resumes it and returns its client secret); the order
/// turns paid when Stripe's signed webhook says so.
/// </summary>
public sealed class PayModel(ISender sender, IOptions<StripeOptions> stripe) : ShopPageModel(sender)
{
    public const string StripeJs = "https://js.stripe.com";

    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public OrderDetailsDto? Details { get; private set; }
    public CardCheckoutDto? Card { get; private set; }
    public string? PublishableKey => stripe.Value.PublishableKey;

    public async Task OnGetAsync()
    {
        Details = await Sender.Send(new GetOrderDetailsQuery(Caller, Id), HttpContext.RequestAborted);
        if (Details.Order.BuyerId != Caller.Subject)
            throw new Domain.Common.NotFoundException("Order", Id.ToString());
        if (Details.Order.Status != "awaitingPayment" || Details.Method != "card" || PublishableKey is null)
            return;
        var checkout = await TrySendAsync(new CheckoutOrderCommand(Caller, Id, Details.CheckoutKey, "card", null, null));
        Card = checkout?.Details as CardCheckoutDto;
        // Stripe.js runs on this page only: its script, frames and API calls are allowed here and nowhere else.
        HttpContext.Items[SecurityHeaders.PaymentPage] = true;
    }
}

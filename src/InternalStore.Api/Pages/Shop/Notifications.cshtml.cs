using InternalStore.Api.Shop;
using InternalStore.Application.Notifications;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace InternalStore.Api.Pages.Shop;

/// <summary>The person's notifications, newest first, paged back by key.</summary>
public sealed class NotificationsModel(ISender sender) : ShopPageModel(sender)
{
    public const int PageSize = 30;

    [BindProperty(SupportsGet = true)]
    public string? Before { get; set; }

    public IReadOnlyList<NotificationDto> Items { get; private set; } = [];

    public async Task OnGetAsync() =>
        Items = await Sender.Send(new ListMyNotificationsQuery(Caller, PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture), Before),
            HttpContext.RequestAborted);
}

using InternalStore.Application.Common;
using InternalStore.Application.Notifications;
using InternalStore.Domain.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InternalStore.Core.Tests;

/// <summary>Without a mail server (no <c>Smtp:Host</c>) notifications are kept, queued, for the day one is configured.</summary>
public sealed class NotificationKeepingTests(CoreStore store) : IClassFixture<CoreStore>
{
    [Fact]
    public async Task Without_a_mail_server_a_notification_is_kept_queued_and_nothing_is_sent()
    {
        Guid id;
        await using (var scope = store.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IStoreDb>();
            await scope.ServiceProvider.GetRequiredService<Notifier>()
                .NotifyAsync("E1001", NotificationKind.OrderPlaced, "Order placed", "2 x Mug", "/shop/orders", CancellationToken.None);
            id = db.Notifications.Local.Single().Id;
            await ((DbContext)db).SaveChangesAsync();
        }

        Assert.Equal(0, await store.SendAsync(new SendNotificationsCommand()));

        await using (var scope = store.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IStoreDb>();
            var notification = await db.Notifications.AsNoTracking().SingleAsync(n => n.Id == id);
            Assert.Equal((EmailStatus.Queued, "alice.moreau@abc.example"), (notification.EmailStatus, notification.Email));
            var message = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Payload == id.ToString());
            Assert.Equal((null, 0), (message.ProcessedAt, message.Attempts));
        }

        // The payments dispatcher leaves mail alone: it is not its message to carry out.
        await store.SendAsync(new Application.Checkout.DispatchOutboxCommand());
        await using (var scope = store.Services.CreateAsyncScope())
        {
            var message = await scope.ServiceProvider.GetRequiredService<IStoreDb>().OutboxMessages.AsNoTracking().SingleAsync(m => m.Payload == id.ToString());
            Assert.Equal(0, message.Attempts);
        }
    }
}

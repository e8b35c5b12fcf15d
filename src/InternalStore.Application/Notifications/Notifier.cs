using InternalStore.Application.Common;
using InternalStore.Domain.Notifications;
using InternalStore.Domain.Settlement;
using Microsoft.EntityFrameworkCore;

namespace InternalStore.Application.Notifications;

/// <summary>
/// Writes a notification and, when its recipient has an address in the roster, the outbox row that
/// mails it. Both are added to the caller's unit of work: they commit with the change they report or
/// not at all, and the sender (<see cref="SendNotificationsCommand"/>) mails each once.
/// </summary>
public sealed class Notifier(IStoreDb db, TimeProvider clock)
{
    public const string EmailMessage = "notification-email";

    public async Task NotifyAsync(string recipient, NotificationKind kind, string title, string body, string link,
        CancellationToken ct)
    {
        var email = await db.Employees.AsNoTracking().Where(e => e.Id == recipient).Select(e => e.Email).FirstOrDefaultAsync(ct);
        var now = clock.Stored();
        var notification = new Notification(recipient, email, kind, title, body, link, now);
        db.Notifications.Add(notification);
        if (notification.EmailStatus == EmailStatus.Queued)
            db.OutboxMessages.Add(new OutboxMessage(EmailMessage, notification.Id.ToString(), now));
    }
}

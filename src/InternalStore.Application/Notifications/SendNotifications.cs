using InternalStore.Application.Common;
using InternalStore.Domain.Notifications;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace InternalStore.Application.Notifications;

/// <summary>An email as the sender hands it to the mail server.</summary>
public sealed record OutgoingEmail(string MessageId, string To, string Subject, string Body);

/// <summary>The mail server, as the store sees it (MailKit over SMTP in production).</summary>
public interface IEmailSender
{
    /// <summary>False when no server is configured: notifications are then kept, not sent.</summary>
    bool Configured { get; }

    Task SendAsync(OutgoingEmail email, CancellationToken cancellationToken);
}

/// <summary>A mail server refused a message or could not be reached; the message is tried again later.</summary>
public sealed class EmailNotSentException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Mails due notifications, one outbox lease at a time, so two API processes never send the same one.
/// The outcome commits right after the server accepts the message; only a crash in between sends it
/// again, with the same Message-ID, which lets mail servers and clients drop the repeat.
/// </summary>
public sealed record SendNotificationsCommand(int Limit = 50) : ICommand<int>, IRunsOwnTransactions;

public sealed partial class SendNotificationsHandler(IStoreDb db, OutboxLeases leases, IEmailSender sender, TimeProvider clock,
    ILogger<SendNotificationsHandler> logger) : ICommandHandler<SendNotificationsCommand, int>
{
    private static readonly string[] Mine = [Notifier.EmailMessage];

    public async ValueTask<int> Handle(SendNotificationsCommand command, CancellationToken cancellationToken)
    {
        if (!sender.Configured)
            return 0;
        var sent = 0;
        foreach (var id in await leases.DueAsync(Mine, include: true, command.Limit, cancellationToken))
        {
            var leased = await leases.LeaseAsync(id, cancellationToken);
            if (leased is null)
                continue;
            var notificationId = Guid.Parse(leased.Payload);
            var notification = await db.Notifications.AsNoTracking().FirstAsync(n => n.Id == notificationId, cancellationToken);
            string? error = null;
            if (notification.EmailStatus == EmailStatus.Queued)
            {
                try
                {
                    await sender.SendAsync(new OutgoingEmail(notification.MessageId, notification.Email!, notification.Title,
                        $"{notification.Body}\n\nIn the shop: {notification.Link}\n"), cancellationToken);
                }
                catch (EmailNotSentException ex)
                {
                    error = ex.Message;
                    LogFailed(ex, notification.Id, leased.Attempts);
                }
            }

            await leases.FinishAsync(id, error, cancellationToken, async ct =>
                (await db.Notifications.FirstAsync(n => n.Id == notificationId, ct)).Sent(clock.Stored()));
            if (error is null)
                sent++;
        }

        return sent;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification {NotificationId} was not mailed on attempt {Attempt}; it will be retried")]
    private partial void LogFailed(Exception ex, Guid notificationId, int attempt);
}

namespace InternalStore.Domain.Notifications;

/// <summary>What a notification tells its recipient about.</summary>
public enum NotificationKind
{
    OrderPlaced,
    OrderPaid,
    Refund,
    DeductionScheduleChanged,
    OfferReceived,
    SubscriptionCharged,
    CaseUpdated,
}

/// <summary>Where the notification's email stands.</summary>
public enum EmailStatus
{
    /// <summary>Waiting for the sender (or for a mail server to be configured: it is kept, not dropped).</summary>
    Queued,

    Sent,

    /// <summary>The recipient has no address in the roster: the notification is shown in the shop only.</summary>
    NoAddress,
}

/// <summary>
/// A message to one person, written in the transaction of the change it reports (with its outbox row)
/// and shown in the shop whatever happens to its email.
/// </summary>
public sealed class Notification
{
    public const int MaxBodyLength = 8000;
    public const int MaxTitleLength = 200;

    private Notification()
    {
        Recipient = Title = Body = Link = string.Empty;
    }

    public Notification(string recipient, string? email, NotificationKind kind, string title, string body, string link,
        DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(recipient);
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        Id = Guid.NewGuid();
        Recipient = recipient;
        Email = string.IsNullOrWhiteSpace(email) ? null : email.Trim();
        Kind = kind;
        Title = title.Length > MaxTitleLength ? title[..MaxTitleLength] : title;
        Body = body.Length > MaxBodyLength ? body[..MaxBodyLength] : body;
        Link = link;
        CreatedAt = now;
        EmailStatus = Email is null ? EmailStatus.NoAddress : EmailStatus.Queued;
    }

    public Guid Id { get; private set; }

    /// <summary>The person (token <c>sub</c>) it is for.</summary>
    public string Recipient { get; private set; }

    /// <summary>The address it is mailed to, taken from the roster when it was written.</summary>
    public string? Email { get; private set; }

    public NotificationKind Kind { get; private set; }
    public string Title { get; private set; }
    public string Body { get; private set; }

    /// <summary>The shop page it is about (an order, a case, a quote request, the subscriptions).</summary>
    public string Link { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public EmailStatus EmailStatus { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }

    /// <summary>The Message-ID of its email: the same on every attempt, so a mail server can drop a repeat.</summary>
    public string MessageId => $"{Id:N}@internalstore";

    public void Sent(DateTimeOffset now)
    {
        if (EmailStatus != EmailStatus.Queued)
            return;
        EmailStatus = EmailStatus.Sent;
        SentAt = now;
    }
}

namespace InternalStore.Domain.Settlement;

/// <summary>
/// A payment-provider event already handled. Its id is unique, and it is written in the same
/// transaction as the state change, so a redelivered event changes nothing.
/// </summary>
public sealed class WebhookEvent
{
    private WebhookEvent()
    {
        Id = Type = Outcome = string.Empty;
    }

    public WebhookEvent(string id, string type, DateTimeOffset receivedAt, string outcome)
    {
        Id = id;
        Type = type;
        ReceivedAt = receivedAt;
        Outcome = outcome.Length > 500 ? outcome[..500] : outcome;
    }

    public string Id { get; private set; }
    public string Type { get; private set; }
    public DateTimeOffset ReceivedAt { get; private set; }
    public string Outcome { get; private set; }
}

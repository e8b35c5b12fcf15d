namespace InternalStore.Domain.Settlement;

/// <summary>
/// A side effect that leaves the process (a Stripe refund), written in the same transaction as the
/// state change that needs it and carried out later by the dispatcher, with retries. A message is
/// leased before it is worked on, and the work carries an idempotency key, so a crash in between
/// repeats the call harmlessly instead of losing or doubling it.
/// </summary>
public sealed class OutboxMessage
{
    private OutboxMessage()
    {
        Type = Payload = string.Empty;
    }

    public OutboxMessage(string type, string payload, DateTimeOffset now)
    {
        Id = Guid.NewGuid();
        Type = type;
        Payload = payload;
        CreatedAt = NextAttemptAt = now;
    }

    public Guid Id { get; private set; }
    public string Type { get; private set; }
    public string Payload { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset NextAttemptAt { get; private set; }
    public DateTimeOffset? ProcessedAt { get; private set; }
    public int Attempts { get; private set; }
    public string? LastError { get; private set; }
    public long Version { get; private set; }

    /// <summary>Takes the message for <paramref name="lease"/>; another worker skips it meanwhile.</summary>
    public void Lease(DateTimeOffset now, TimeSpan lease)
    {
        Attempts++;
        NextAttemptAt = now + lease;
        Version++;
    }

    public void Done(DateTimeOffset now)
    {
        ProcessedAt = now;
        LastError = null;
        Version++;
    }

    /// <summary>Backs off exponentially (capped at an hour) before the next attempt.</summary>
    public void Failed(string error, DateTimeOffset now)
    {
        LastError = error.Length > 1000 ? error[..1000] : error;
        var seconds = Math.Min(3600, 5 * Math.Pow(2, Math.Min(Attempts, 12)));
        NextAttemptAt = now + TimeSpan.FromSeconds(seconds);
        Version++;
    }
}

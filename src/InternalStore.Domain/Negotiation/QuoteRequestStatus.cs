namespace InternalStore.Domain.Negotiation;

/// <summary>Where a buyer's request for a negotiated price stands.</summary>
public enum QuoteRequestStatus
{
    /// <summary>Sent by the buyer; no offer yet.</summary>
    Submitted,

    /// <summary>Finance sent an offer the buyer may accept (once approved, when it needs approval).</summary>
    Offered,

    /// <summary>The buyer asked for a better offer; finance answers with the next version.</summary>
    Renegotiating,

    Accepted,
    Declined,
    Withdrawn,

    /// <summary>The offer's validity ran out before the buyer accepted it.</summary>
    Expired,
}

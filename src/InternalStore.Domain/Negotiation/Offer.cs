namespace InternalStore.Domain.Negotiation;

/// <summary>
/// A version of finance's answer to a quote request; immutable once sent. An offer below the
/// standard transfer price is shown to the buyer only once a second finance person approved it.
/// </summary>
public sealed class Offer
{
    private readonly List<OfferLine> _lines = [];

    private Offer()
    {
        Author = Comment = string.Empty;
    }

    internal Offer(int version, string author, IEnumerable<OfferLine> lines, DateTimeOffset validUntil, string comment,
        bool automatic, DateTimeOffset now)
    {
        Version = version;
        Author = author;
        _lines.AddRange(lines);
        ValidUntil = validUntil;
        Comment = comment;
        Automatic = automatic;
        CreatedAt = now;
        NeedsApproval = !automatic && _lines.Any(l => l.BelowStandard);
    }

    public long Id { get; private set; }
    public Guid RequestId { get; private set; }

    /// <summary>1 for the first offer; a counter-offer is the next number and supersedes the last.</summary>
    public int Version { get; private set; }

    public string Author { get; private set; }
    public IReadOnlyList<OfferLine> Lines => _lines;
    public DateTimeOffset ValidUntil { get; private set; }
    public string Comment { get; private set; }

    /// <summary>Made at once by the finance band (a target close enough to the standard price).</summary>
    public bool Automatic { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public bool NeedsApproval { get; private set; }
    public string? ApprovedBy { get; private set; }
    public DateTimeOffset? ApprovedAt { get; private set; }
    public string? ApprovalReason { get; private set; }

    /// <summary>The buyer may see (and accept) it: it needs no approval, or has it.</summary>
    public bool Visible => !NeedsApproval || ApprovedBy is not null;

    public decimal Total => _lines.Sum(l => l.UnitPrice * l.Quantity);

    internal void Approve(string by, string reason, DateTimeOffset now)
    {
        ApprovedBy = by;
        ApprovalReason = reason;
        ApprovedAt = now;
    }
}

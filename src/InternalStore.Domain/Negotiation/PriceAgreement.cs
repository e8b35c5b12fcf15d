using InternalStore.Domain.Common;
using InternalStore.Domain.Ordering;

namespace InternalStore.Domain.Negotiation;

/// <summary>Where an agreement stands on a day.</summary>
public enum PriceAgreementStatus
{
    /// <summary>Starts on a later day.</summary>
    Scheduled,

    /// <summary>Prices the buyer's quotes and orders today.</summary>
    Active,

    /// <summary>Its last day has passed.</summary>
    Expired,

    /// <summary>Finance ended it before its last day.</summary>
    Ended,
}

/// <summary>
/// A standing price made from an accepted offer's line: the buyer (a department's cost centre, or
/// an affiliate company) pays this unit price for the SKU from..to, in every later quote and order.
/// The engine still never goes below the negotiated floor at the day's cost, nor above the standard price.
/// </summary>
public sealed class PriceAgreement
{
    /// <summary>The longest an agreement runs: a year, so prices are renegotiated at least yearly.</summary>
    public const int MaxDays = 366;

    private PriceAgreement()
    {
        SellerCompany = BuyerCompany = Sku = Name = Currency = CreatedBy = IdempotencyKey = RequestHash = string.Empty;
    }

    public long Id { get; private set; }
    public string SellerCompany { get; private set; }
    public BuyerKind BuyerKind { get; private set; }

    /// <summary>The buying company: the affiliate, or the department's own company.</summary>
    public string BuyerCompany { get; private set; }

    /// <summary>The department's cost centre; null for an affiliate, whose whole company the agreement covers.</summary>
    public string? CostCenter { get; private set; }

    public string Sku { get; private set; }
    public string Name { get; private set; }
    public decimal UnitPrice { get; private set; }
    public string Currency { get; private set; }

    /// <summary>The unit cost and markup when agreed (cost-plus), for transfer-pricing files.</summary>
    public decimal UnitCost { get; private set; }

    public decimal MarkupPercent { get; private set; }
    public DateOnly From { get; private set; }
    public DateOnly To { get; private set; }

    /// <summary>The last day as agreed, kept when finance ends it early.</summary>
    public DateOnly AgreedTo { get; private set; }

    public Guid QuoteRequestId { get; private set; }
    public int OfferVersion { get; private set; }
    public string CreatedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public string? EndedBy { get; private set; }
    public DateTimeOffset? EndedAt { get; private set; }
    public string? EndReason { get; private set; }
    public string IdempotencyKey { get; private set; }
    public string RequestHash { get; private set; }
    public long Version { get; private set; }

    public PriceAgreementStatus StatusOn(DateOnly day) =>
        EndedAt is not null ? PriceAgreementStatus.Ended
        : day < From ? PriceAgreementStatus.Scheduled
        : day > To ? PriceAgreementStatus.Expired
        : PriceAgreementStatus.Active;

    public bool Overlaps(DateOnly from, DateOnly to) => From <= to && from <= To;

    /// <summary>
    /// Makes the accepted offer's line a standing agreement from..to (today at the earliest, at most
    /// <see cref="MaxDays"/> days long); the request's trail records it.
    /// </summary>
    public static PriceAgreement FromAcceptedOffer(QuoteRequest request, string sku, string name, DateOnly from, DateOnly to,
        DateOnly today, string currency, string by, DateTimeOffset now, string idempotencyKey, string requestHash)
    {
        if (from < today)
            throw new DomainValidationException("validation", "from", $"An agreement starts today ({today:yyyy-MM-dd}) or later.");
        if (to < from)
            throw new DomainValidationException("validation", "to", "to is on or after from.");
        if (to.DayNumber - from.DayNumber + 1 > MaxDays)
            throw new DomainValidationException("validation", "to", $"An agreement runs at most {MaxDays} days; agree a new one after it.");
        var offer = AcceptedOffer(request);
        var line = offer.Lines.FirstOrDefault(l => l.Sku == sku)
            ?? throw new DomainValidationException("validation", "skus", $"The accepted offer has no line for {sku}.");
        var agreement = new PriceAgreement
        {
            SellerCompany = request.SellerCompany, BuyerKind = request.BuyerKind, BuyerCompany = request.BuyerCompany,
            CostCenter = request.BuyerKind == BuyerKind.Department ? request.CostCenter : null, Sku = sku, Name = name,
            UnitPrice = line.UnitPrice, Currency = currency, UnitCost = line.UnitCost, MarkupPercent = line.MarkupPercent,
            From = from, To = to, AgreedTo = to, QuoteRequestId = request.Id, OfferVersion = offer.Version, CreatedBy = by,
            CreatedAt = now, IdempotencyKey = idempotencyKey, RequestHash = requestHash,
        };
        request.RecordAgreement(by, now, "agreement made", null, agreement.Terms());
        return agreement;
    }

    /// <summary>Refuses a second agreement for the same buyer and SKU on any of the same days (409 <c>agreement-overlap</c>).</summary>
    public void EnsureNoOverlapWith(IEnumerable<PriceAgreement> existing)
    {
        if (existing.FirstOrDefault(a => !ReferenceEquals(a, this) && a.SameBuyerAndSku(this) && a.Overlaps(From, To)) is { } other)
            throw new ConflictException("agreement-overlap",
                $"{Sku}: agreement {other.Id} already prices this buyer from {other.From:yyyy-MM-dd} to {other.To:yyyy-MM-dd}; "
                + "end it first, or start the new one after it.");
    }

    /// <summary>Finance ends it before its last day: from today the standard price applies again.</summary>
    public void End(QuoteRequest request, string by, string reason, DateOnly today, DateTimeOffset now)
    {
        if (StatusOn(today) is PriceAgreementStatus.Ended or PriceAgreementStatus.Expired)
            throw new ConflictException("invalid-state", $"Agreement {Id} is already {StatusOn(today).WireName()}.");
        var before = Terms();
        To = today.AddDays(-1);
        EndedBy = by;
        EndedAt = now;
        EndReason = reason;
        Version++;
        request.RecordAgreement(by, now, "agreement ended", reason, $"agreement {Id}: {before}; ends before {today:yyyy-MM-dd}");
    }

    private bool SameBuyerAndSku(PriceAgreement other) =>
        SellerCompany == other.SellerCompany && BuyerKind == other.BuyerKind && BuyerCompany == other.BuyerCompany
        && CostCenter == other.CostCenter && Sku == other.Sku;

    private string Terms() => $"{Sku} at {UnitPrice:0.00##} {Currency} from {From:yyyy-MM-dd} to {To:yyyy-MM-dd}";

    /// <summary>The offer the buyer accepted: the request's current one.</summary>
    private static Offer AcceptedOffer(QuoteRequest request) =>
        request is { Status: QuoteRequestStatus.Accepted, CurrentOffer: { } offer } ? offer
        : throw new ConflictException("invalid-state",
            $"Only an accepted offer becomes a standing agreement; this request is {request.Status.WireName()}.");
}

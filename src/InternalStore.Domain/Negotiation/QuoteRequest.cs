using InternalStore.Domain.Common;
using InternalStore.Domain.Ordering;

namespace InternalStore.Domain.Negotiation;

/// <summary>
/// A department's or affiliate's request for a negotiated price, with finance's offers (versions)
/// and every step of the negotiation. Immutable once submitted: a change is a new request.
/// </summary>
public sealed class QuoteRequest
{
    private readonly List<QuoteRequestLine> _lines = [];
    private readonly List<Offer> _offers = [];
    private readonly List<NegotiationEvent> _events = [];

    private QuoteRequest()
    {
        BuyerId = BuyerRole = BuyerCompany = SellerCompany = Comment = IdempotencyKey = RequestHash = string.Empty;
    }

    /// <param name="buyerRole">The role the buyer asked in (department-buyer or affiliate-buyer), to price them later as then.</param>
    /// <param name="claimCompany">The buyer's <c>company</c> claim as sent (for an affiliate: the seller it named).</param>
    public static QuoteRequest Submit(BuyerKind kind, string buyerId, string buyerRole, string? claimCompany, string buyerCompany,
        string? costCenter, string? affiliate, string sellerCompany, IReadOnlyList<QuoteRequestLine> lines, decimal? targetTotal,
        string? comment, string idempotencyKey, string requestHash, DateTimeOffset now)
    {
        if (kind is not (BuyerKind.Department or BuyerKind.Affiliate))
            throw new ForbiddenException("Quote requests are made by department buyers and affiliate buyers.");
        if (lines.Count == 0)
            throw new DomainValidationException("validation", "lines", "A quote request needs lines.");
        var request = new QuoteRequest
        {
            Id = Guid.NewGuid(), BuyerKind = kind, BuyerId = buyerId, BuyerRole = buyerRole, ClaimCompany = claimCompany,
            BuyerCompany = buyerCompany, CostCenter = costCenter, Affiliate = affiliate, SellerCompany = sellerCompany,
            TargetTotal = targetTotal, Comment = comment ?? "", Status = QuoteRequestStatus.Submitted, CreatedAt = now,
            UpdatedAt = now, IdempotencyKey = idempotencyKey, RequestHash = requestHash,
        };
        request._lines.AddRange(lines);
        request.Record(buyerId, now, "submitted", comment, null, QuoteRequestStatus.Submitted);
        return request;
    }

    public Guid Id { get; private set; }
    public BuyerKind BuyerKind { get; private set; }
    public string BuyerId { get; private set; }
    public string BuyerRole { get; private set; }
    public string? ClaimCompany { get; private set; }

    /// <summary>The buying company (the affiliate, or the department's company).</summary>
    public string BuyerCompany { get; private set; }

    public string? CostCenter { get; private set; }
    public string? Affiliate { get; private set; }
    public string SellerCompany { get; private set; }
    public decimal? TargetTotal { get; private set; }
    public string Comment { get; private set; }
    public QuoteRequestStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public string IdempotencyKey { get; private set; }
    public string RequestHash { get; private set; }

    /// <summary>Set by the accept that placed the order: its key answers a repeated accept with the same order.</summary>
    public string? AcceptKey { get; private set; }

    public Guid? OrderId { get; private set; }
    public long Version { get; private set; }
    public IReadOnlyList<QuoteRequestLine> Lines => _lines;
    public IReadOnlyList<Offer> Offers => _offers;
    public IReadOnlyList<NegotiationEvent> Events => _events;

    /// <summary>The latest offer: the only one that can be accepted.</summary>
    public Offer? CurrentOffer => _offers.Count == 0 ? null : _offers.MaxBy(o => o.Version);

    /// <summary>
    /// Finance's offer, version n+1, superseding the last. Each line's price is at least its floor
    /// (409 <c>below-floor</c> naming the line and the floor); one below the standard price waits
    /// for a second finance person's approval before the buyer sees it.
    /// </summary>
    public Offer MakeOffer(string author, IReadOnlyList<OfferLine> lines, DateTimeOffset validUntil, string? comment, bool automatic,
        DateTimeOffset now)
    {
        ExpireIfDue(now);
        if (Status is not (QuoteRequestStatus.Submitted or QuoteRequestStatus.Offered or QuoteRequestStatus.Renegotiating))
            throw new ConflictException("invalid-state", $"A request that is {Status.WireName()} takes no more offers.");
        if (validUntil <= now)
            throw new DomainValidationException("validation", "validUntil", "validUntil is a time after now.");
        for (var i = 0; i < _lines.Count; i++)
        {
            var line = lines.FirstOrDefault(l => l.Sku == _lines[i].Sku)
                ?? throw new DomainValidationException("validation", "lines", $"The offer has no price for {_lines[i].Sku}.");
            if (line.UnitPrice < line.Floor)
                throw new ConflictException("below-floor",
                    $"lines[{i}] ({line.Sku}): {line.UnitPrice:0.00##} is below the floor of {line.Floor:0.00##} (unit cost {line.UnitCost:0.00##} plus the minimum negotiated markup).");
        }

        if (lines.Count != _lines.Count)
            throw new DomainValidationException("validation", "lines", "The offer prices exactly the request's lines.");
        var offer = new Offer((CurrentOffer?.Version ?? 0) + 1, author, lines, validUntil, comment ?? "", automatic, now);
        _offers.Add(offer);
        Move(QuoteRequestStatus.Offered, author, now, automatic ? "automatic offer" : "offer", comment, $"v{offer.Version}");
        return offer;
    }

    /// <summary>A second finance person approves an offer below the standard price; the author may not (403 <c>four-eyes</c>).</summary>
    public void Approve(int version, string by, string reason, DateTimeOffset now)
    {
        var offer = Current(version, now);
        if (!offer.NeedsApproval)
            throw new ConflictException("invalid-state", "This offer is not below the standard price: it needs no approval.");
        if (offer.ApprovedBy is not null)
            throw new ConflictException("invalid-state", $"Offer v{version} was already approved by {offer.ApprovedBy}.");
        if (offer.Author == by)
            throw new FourEyesException("The author of an offer may not approve it: a second finance person does.");
        offer.Approve(by, reason, now);
        Record(by, now, "approved", reason, $"v{version}", Status);
    }

    /// <summary>The buyer accepts the current, visible, unexpired offer; the order it places is recorded.</summary>
    public Offer Accept(int version, string by, string acceptKey, DateTimeOffset now)
    {
        if (by != BuyerId)
            throw new ForbiddenException("Only the buyer who asked accepts an offer.");
        var offer = Current(version, now);
        if (!offer.Visible)
            throw new ConflictException("approval-required", $"Offer v{version} is below the standard price and waits for finance's approval.");
        AcceptKey = acceptKey;
        Move(QuoteRequestStatus.Accepted, by, now, "accepted", null, $"v{version}");
        return offer;
    }

    public void OrderPlaced(Guid orderId) => OrderId = orderId;

    /// <summary>Finance made (or ended) a standing agreement from this request's accepted offer: kept in its trail.</summary>
    internal void RecordAgreement(string by, DateTimeOffset now, string what, string? reason, string detail)
    {
        if (Status != QuoteRequestStatus.Accepted)
            throw new ConflictException("invalid-state",
                $"Only an accepted offer becomes a standing agreement; this request is {Status.WireName()}.");
        Record(by, now, what, reason, detail, Status);
    }

    public void Decline(int version, string by, string reason, DateTimeOffset now)
    {
        if (by != BuyerId)
            throw new ForbiddenException("Only the buyer who asked declines an offer.");
        Current(version, now);
        Move(QuoteRequestStatus.Declined, by, now, "declined", reason, $"v{version}");
    }

    /// <summary>The buyer asks for a better offer; finance answers with the next version.</summary>
    public void Renegotiate(int version, string by, string reason, DateTimeOffset now)
    {
        if (by != BuyerId)
            throw new ForbiddenException("Only the buyer who asked renegotiates an offer.");
        Current(version, now);
        Move(QuoteRequestStatus.Renegotiating, by, now, "renegotiating", reason, $"v{version}");
    }

    public void Withdraw(string by, string? reason, DateTimeOffset now)
    {
        if (by != BuyerId)
            throw new ForbiddenException("Only the buyer who asked withdraws a request.");
        ExpireIfDue(now);
        if (Status is not (QuoteRequestStatus.Submitted or QuoteRequestStatus.Offered or QuoteRequestStatus.Renegotiating))
            throw new ConflictException("invalid-state", $"A request that is {Status.WireName()} cannot be withdrawn.");
        Move(QuoteRequestStatus.Withdrawn, by, now, "withdrawn", reason, null);
    }

    /// <summary>An offered request whose current offer is past its validity expires.</summary>
    public bool ExpireIfDue(DateTimeOffset now)
    {
        if (Status != QuoteRequestStatus.Offered || CurrentOffer is not { } offer || now < offer.ValidUntil)
            return false;
        Move(QuoteRequestStatus.Expired, "system", now, "expired", null, $"v{offer.Version}");
        return true;
    }

    /// <summary>The offer a buyer or approver acts on: the current one, still open and valid (409 <c>offer-expired</c> otherwise).</summary>
    private Offer Current(int version, DateTimeOffset now)
    {
        ExpireIfDue(now);
        var offer = _offers.FirstOrDefault(o => o.Version == version)
            ?? throw new NotFoundException("Offer", $"v{version}");
        if (offer != CurrentOffer)
            throw new ConflictException("offer-expired", $"Offer v{version} was superseded by v{CurrentOffer!.Version}.");
        if (Status == QuoteRequestStatus.Expired || now >= offer.ValidUntil)
            throw new ConflictException("offer-expired", $"Offer v{version} was valid until {offer.ValidUntil:yyyy-MM-dd HH:mm} UTC.");
        if (Status != QuoteRequestStatus.Offered)
            throw new ConflictException("invalid-state", $"The request is {Status.WireName()}: offer v{version} cannot be acted on.");
        return offer;
    }

    private void Move(QuoteRequestStatus to, string by, DateTimeOffset now, string what, string? reason, string? detail)
    {
        var from = Status;
        Status = to;
        Record(by, now, what, reason, detail, from);
    }

    private void Record(string by, DateTimeOffset now, string what, string? reason, string? detail, QuoteRequestStatus before)
    {
        _events.Add(new NegotiationEvent(by, now, what, reason, detail, before, Status));
        UpdatedAt = now;
        Version++;
    }
}

/// <summary>A requested line: SKU, quantity and the unit price the buyer hopes for.</summary>
public sealed class QuoteRequestLine
{
    private QuoteRequestLine()
    {
        Sku = Name = string.Empty;
    }

    public QuoteRequestLine(string sku, string name, int quantity, decimal? targetUnitPrice)
    {
        Sku = sku;
        Name = name;
        Quantity = quantity;
        TargetUnitPrice = targetUnitPrice;
    }

    public long Id { get; private set; }
    public Guid RequestId { get; private set; }
    public string Sku { get; private set; }
    public string Name { get; private set; }
    public int Quantity { get; private set; }
    public decimal? TargetUnitPrice { get; private set; }
}

/// <summary>One step of a negotiation, for the audit: who, when, what, why, and the state before and after.</summary>
public sealed class NegotiationEvent
{
    private NegotiationEvent()
    {
        By = What = string.Empty;
    }

    internal NegotiationEvent(string by, DateTimeOffset at, string what, string? reason, string? detail, QuoteRequestStatus before,
        QuoteRequestStatus after)
    {
        By = by;
        At = at;
        What = what;
        Reason = reason;
        Detail = detail;
        Before = before;
        After = after;
    }

    public long Id { get; private set; }
    public Guid RequestId { get; private set; }
    public string By { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string What { get; private set; }
    public string? Reason { get; private set; }
    public string? Detail { get; private set; }
    public QuoteRequestStatus Before { get; private set; }
    public QuoteRequestStatus After { get; private set; }
}

/// <summary>The author of an offer tried to approve it (HTTP 403, code <c>four-eyes</c>).</summary>
public sealed class FourEyesException(string message) : Exception(message);

/// <summary>A selling company's negotiation limits, set by its finance.</summary>
public sealed class NegotiationSettings
{
    private NegotiationSettings()
    {
        Company = UpdatedBy = string.Empty;
    }

    public NegotiationSettings(string company, decimal minimumMarkupPercent, decimal autoOfferBandPercent, string by, DateTimeOffset now)
    {
        Company = company;
        Update(minimumMarkupPercent, autoOfferBandPercent, by, now);
        UpdatedBy = by;
    }

    public string Company { get; private set; }

    /// <summary>No offer goes below unit cost × (1 + this / 100). Default 0: never below cost.</summary>
    public decimal MinimumMarkupPercent { get; private set; }

    /// <summary>A target at most this far under the standard price is offered at once, without a person.</summary>
    public decimal AutoOfferBandPercent { get; private set; }

    public string UpdatedBy { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public long Version { get; private set; }

    public void Update(decimal minimumMarkupPercent, decimal autoOfferBandPercent, string by, DateTimeOffset now)
    {
        if (minimumMarkupPercent is < 0 or > 1000)
            throw new DomainValidationException("validation", "minimumMarkupPercent", "minimumMarkupPercent is between 0 and 1000.");
        if (autoOfferBandPercent is < 0 or > 100)
            throw new DomainValidationException("validation", "autoOfferBandPercent", "autoOfferBandPercent is between 0 and 100.");
        MinimumMarkupPercent = minimumMarkupPercent;
        AutoOfferBandPercent = autoOfferBandPercent;
        UpdatedBy = by;
        UpdatedAt = now;
        Version++;
    }

    /// <summary>The lowest price an offer or agreement reaches at this cost, in whole minor units (rounded up).</summary>
    public decimal FloorFor(decimal unitCost, string currency) =>
        InternalStore.Pricing.PricingRules.NegotiatedFloor(unitCost, MinimumMarkupPercent, InternalStore.Pricing.Currencies.MinorUnits(currency));
}

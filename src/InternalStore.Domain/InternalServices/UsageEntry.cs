using InternalStore.Domain.Common;
using InternalStore.Pricing;

namespace InternalStore.Domain.InternalServices;

public enum UsageKind
{
    /// <summary>What the supplier did: a quantity of the service for a consumer on a day.</summary>
    Usage,

    /// <summary>Takes back a usage entry in full (a negative quantity at the original's price).</summary>
    Reversal,

    /// <summary>Corrects a disputed line by an amount (negative: a credit), in the next open month.</summary>
    Adjustment,
}

/// <summary>
/// One recorded use of an internal service by a consuming cost centre. Entries are never edited: a
/// mistake is taken back by a reversing entry, a dispute corrected by an adjustment. An entry is priced
/// when its month closes (from the rate card on its date), except reversals and adjustments of lines
/// already priced, which carry their amount from the start so they net out to the cent.
/// </summary>
public sealed class UsageEntry
{
    public const decimal MaxQuantity = 100_000m;

    private UsageEntry()
    {
        ServiceId = ServiceName = Unit = SupplierCostCenter = SupplierCompany = ConsumerCostCenter = ConsumerCompany = string.Empty;
        Currency = EnteredBy = string.Empty;
    }

    public static UsageEntry Record(InternalService service, string consumerCostCenter, string consumerCompany, decimal quantity,
        DateOnly date, string? reference, string? note, string by, string? idempotencyKey, string? requestHash, DateTimeOffset now) =>
        new()
        {
            Id = Guid.NewGuid(),
            Kind = UsageKind.Usage,
            ServiceId = service.Id,
            ServiceName = service.Name,
            Unit = service.Unit,
            SupplierCostCenter = service.SupplierCostCenter,
            SupplierCompany = service.Company,
            ConsumerCostCenter = consumerCostCenter,
            ConsumerCompany = consumerCompany,
            Currency = service.Currency,
            Quantity = quantity,
            Date = date,
            Reference = reference,
            Note = note,
            EnteredBy = by,
            EnteredAt = now,
            IdempotencyKey = idempotencyKey,
            RequestHash = requestHash,
        };

    public Guid Id { get; private set; }
    public UsageKind Kind { get; private set; }
    public string ServiceId { get; private set; }
    public string ServiceName { get; private set; }
    public string Unit { get; private set; }
    public string SupplierCostCenter { get; private set; }
    public string SupplierCompany { get; private set; }
    public string ConsumerCostCenter { get; private set; }
    public string ConsumerCompany { get; private set; }
    public string Currency { get; private set; }
    public decimal Quantity { get; private set; }
    public DateOnly Date { get; private set; }
    public string? Reference { get; private set; }
    public string? Note { get; private set; }
    public string EnteredBy { get; private set; }
    public DateTimeOffset EnteredAt { get; private set; }
    public string? IdempotencyKey { get; private set; }
    public string? RequestHash { get; private set; }

    /// <summary>The entry this one takes back or corrects.</summary>
    public Guid? CorrectsId { get; private set; }

    /// <summary>The reversal that took this entry back, once there is one.</summary>
    public Guid? ReversedById { get; private set; }

    public Guid? DisputeId { get; private set; }

    /// <summary>Set when priced: the rate charged per unit (intercompany: with the markup), the amount and its cost.</summary>
    public decimal? UnitRate { get; private set; }
    public decimal? Amount { get; private set; }
    public decimal? Cost { get; private set; }
    public decimal? MarkupPercent { get; private set; }
    public bool Intercompany => SupplierCompany != ConsumerCompany;
    public bool Priced => Amount is not null;
    public long Version { get; private set; }

    public AccountingMonth Month => AccountingMonth.Of(Date);

    /// <summary>
    /// Prices the entry once: cost is quantity x rate, the amount that cost plus the markup (the
    /// intercompany markup across companies, none inside one), each rounded half up to the minor unit.
    /// </summary>
    public void Price(decimal rate, decimal markupPercent)
    {
        if (Priced)
            return;
        var cost = Currencies.Round(Quantity * rate, Currency);
        UnitRate = rate * (1 + markupPercent / 100m);
        Cost = cost;
        Amount = markupPercent == 0 ? cost : Currencies.Round(Quantity * rate * (1 + markupPercent / 100m), Currency);
        MarkupPercent = markupPercent;
        Version++;
    }

    /// <summary>What the entry comes to now: its price once priced, else the rate card's on its date (a preview).</summary>
    public (decimal Amount, decimal Cost) AmountAt(decimal rate, decimal markupPercent) => Priced
        ? (Amount!.Value, Cost!.Value)
        : (markupPercent == 0 ? Currencies.Round(Quantity * rate, Currency) : Currencies.Round(Quantity * rate * (1 + markupPercent / 100m), Currency),
            Currencies.Round(Quantity * rate, Currency));

    /// <summary>
    /// Takes this usage back, dated <paramref name="date"/> (its own date while its month is open, else
    /// in an open month). A priced original is reversed at its own price, to the cent.
    /// </summary>
    public UsageEntry Reverse(DateOnly date, string reason, string by, DateTimeOffset now)
    {
        if (Kind != UsageKind.Usage)
            throw new ConflictException("invalid-state", "Only a usage entry is reversed; a reversal or an adjustment stands as it is.");
        if (ReversedById is not null)
            throw new ConflictException("invalid-state", $"Usage entry {Id} is already reversed by {ReversedById}.");
        var reversal = Correcting(UsageKind.Reversal, -Quantity, date, reason, by, now);
        if (Priced)
        {
            reversal.UnitRate = UnitRate;
            reversal.Amount = -Amount;
            reversal.Cost = -Cost;
            reversal.MarkupPercent = MarkupPercent;
        }

        ReversedById = reversal.Id;
        Version++;
        return reversal;
    }

    /// <summary>
    /// Corrects this priced line by <paramref name="delta"/> (negative lowers it), dated in an open month;
    /// the cost moves in the line's own cost-to-amount proportion.
    /// </summary>
    public UsageEntry Adjust(decimal delta, DateOnly date, Guid disputeId, string reason, string by, DateTimeOffset now)
    {
        if (!Priced)
            throw new ConflictException("invalid-state", "Only a priced line (of a closed month) is adjusted.");
        var adjustment = Correcting(UsageKind.Adjustment, 0m, date, reason, by, now);
        adjustment.DisputeId = disputeId;
        adjustment.UnitRate = 0m;
        adjustment.Amount = delta;
        adjustment.Cost = Amount == 0 ? delta : Currencies.Round(delta * Cost!.Value / Amount!.Value, Currency);
        adjustment.MarkupPercent = MarkupPercent;
        return adjustment;
    }

    private UsageEntry Correcting(UsageKind kind, decimal quantity, DateOnly date, string reason, string by, DateTimeOffset now) =>
        new()
        {
            Id = Guid.NewGuid(),
            Kind = kind,
            ServiceId = ServiceId,
            ServiceName = ServiceName,
            Unit = Unit,
            SupplierCostCenter = SupplierCostCenter,
            SupplierCompany = SupplierCompany,
            ConsumerCostCenter = ConsumerCostCenter,
            ConsumerCompany = ConsumerCompany,
            Currency = Currency,
            Quantity = quantity,
            Date = date,
            Reference = Reference,
            Note = reason,
            EnteredBy = by,
            EnteredAt = now,
            CorrectsId = Id,
        };
}

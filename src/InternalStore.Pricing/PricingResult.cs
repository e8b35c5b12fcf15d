namespace InternalStore.Pricing;

/// <summary>How the engine priced the buyer.</summary>
public enum PricedAs
{
    /// <summary>List price less public promotions.</summary>
    External,

    /// <summary>Employee price under the policy.</summary>
    Employee,

    /// <summary>Transfer price for a cost centre.</summary>
    Department,

    /// <summary>Intercompany price for an affiliate.</summary>
    Affiliate,
}

/// <summary>A priced line.</summary>
/// <param name="Sku">The SKU.</param>
/// <param name="Quantity">Units.</param>
/// <param name="ListPrice">The item's list price.</param>
/// <param name="UnitPrice">Policy price per unit, before the allowance.</param>
/// <param name="ExternalUnitPrice">What an external buyer pays per unit that day.</param>
/// <param name="AllowanceTaken">Benefit taken from the annual allowance by this line.</param>
/// <param name="LineTotal">What is charged for the line.</param>
/// <param name="Discount">List price x quantity less the line total.</param>
public readonly record struct PricedLine(
    string Sku,
    long Quantity,
    decimal ListPrice,
    decimal UnitPrice,
    decimal ExternalUnitPrice,
    decimal AllowanceTaken,
    decimal LineTotal,
    decimal Discount);

/// <summary>A rule the cart breaks; the quote is still priced, but an order with a violation is refused.</summary>
/// <param name="Sku">The SKU.</param>
/// <param name="Rule">The rule, e.g. <c>quantity-limit</c>.</param>
/// <param name="Remaining">Units still allowed in the window.</param>
public readonly record struct Violation(string Sku, string Rule, long Remaining);

/// <summary>Why a cart could not be priced. <see cref="LineIndex"/> is -1 when no single line is at fault.</summary>
/// <param name="Code">Stable code: <c>unknown-sku</c>, <c>duplicate-sku</c>, <c>invalid-quantity</c>, <c>unsupported-currency</c>.</param>
/// <param name="LineIndex">Zero-based index of the failing line.</param>
/// <param name="Message">The failure in words.</param>
public sealed record PricingError(string Code, int LineIndex, string Message);

/// <summary>A priced cart. Explanations are rebuilt on demand by <see cref="Explain"/>, from the same inputs.</summary>
public sealed class PriceQuote
{
    private readonly PricingRequest _request;

    internal PriceQuote(PricingRequest request, PricedAs pricedAs, PricedLine[] lines, decimal subtotal,
        decimal discountTotal, decimal allowanceConsumed, IReadOnlyList<Violation> violations)
    {
        _request = request;
        PricedAs = pricedAs;
        Lines = lines;
        Subtotal = subtotal;
        DiscountTotal = discountTotal;
        AllowanceConsumed = allowanceConsumed;
        Violations = violations;
    }

    /// <summary>How the buyer was priced (an ineligible employee is priced as external).</summary>
    public PricedAs PricedAs { get; }

    /// <summary>The quote's currency.</summary>
    public string Currency => _request.Currency;

    /// <summary>Lines in cart order.</summary>
    public IReadOnlyList<PricedLine> Lines { get; }

    /// <summary>Sum of the line totals.</summary>
    public decimal Subtotal { get; }

    /// <summary>Sum of the line discounts.</summary>
    public decimal DiscountTotal { get; }

    /// <summary>Benefit taken from the annual allowance.</summary>
    public decimal AllowanceConsumed { get; }

    /// <summary>Broken quantity limits, in cart order.</summary>
    public IReadOnlyList<Violation> Violations { get; }

    /// <summary>The ordered steps that produced line <paramref name="lineIndex"/>.</summary>
    public IReadOnlyList<ExplanationStep> Explain(int lineIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(lineIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(lineIndex, Lines.Count);
        return PricingEngine.Explain(_request, this, lineIndex);
    }
}

/// <summary>Either a quote or an error.</summary>
public readonly struct PricingResult
{
    private PricingResult(PriceQuote? quote, PricingError? error)
    {
        Quote = quote;
        Error = error;
    }

    /// <summary>The quote, when pricing succeeded.</summary>
    public PriceQuote? Quote { get; }

    /// <summary>The error, when it did not.</summary>
    public PricingError? Error { get; }

    /// <summary>True when <see cref="Quote"/> is set.</summary>
    [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(true, nameof(Quote))]
    [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Quote is not null;

    internal static PricingResult Success(PriceQuote quote) => new(quote, null);

    internal static PricingResult Failure(PricingError error) => new(null, error);
}

/// <summary>Everything one quote depends on. The engine reads no clock and no database.</summary>
/// <param name="Rules">Policy, promotions and transfer pricing, indexed.</param>
/// <param name="Catalog">Catalog facts for the cart's SKUs (other items are ignored).</param>
/// <param name="Buyer">Who buys.</param>
/// <param name="Lines">The cart, in order.</param>
/// <param name="AsOf">The pricing day.</param>
/// <param name="Currency">ISO 4217 code of every amount.</param>
public sealed record PricingRequest(
    PricingRules Rules,
    IPricingCatalog Catalog,
    Buyer Buyer,
    IReadOnlyList<CartLine> Lines,
    DateOnly AsOf,
    string Currency);

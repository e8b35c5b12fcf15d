namespace InternalStore.Domain.Ordering;

/// <summary>What an order is placed from: the buyer, the priced lines, and what they reserve from.</summary>
/// <param name="Products">The lines' products, locked by the caller: their stock is reserved.</param>
/// <param name="Ledger">The buyer's allowance ledger for the year, locked by the caller (employees).</param>
/// <param name="Hold">How long the order waits for payment before it expires.</param>
public sealed record OrderPlacement(
    BuyerKind Kind,
    string BuyerId,
    string Company,
    string SellerCompany,
    string? CostCenter,
    string Currency,
    IReadOnlyList<OrderLine> Lines,
    IReadOnlyDictionary<string, Catalog.Product> Products,
    AllowanceLedger? Ledger,
    DateTimeOffset Now,
    TimeSpan Hold,
    string IdempotencyKey,
    string RequestHash);

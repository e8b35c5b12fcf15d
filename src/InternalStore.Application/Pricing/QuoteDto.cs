using System.ComponentModel.DataAnnotations;
namespace InternalStore.Application.Pricing;

public sealed record QuoteDto(
    string Currency,
    string PricedAs,
    IReadOnlyList<QuoteLineDto> Lines,
    decimal Subtotal,
    decimal DiscountTotal,
    decimal AllowanceConsumed,
    IReadOnlyList<ViolationDto> Violations,
    string QuoteToken,
    DateTimeOffset ExpiresAt);

public sealed record QuoteLineDto(
    string Sku,
    string Name,
    long Quantity,
    decimal ListPrice,
    decimal UnitPrice,
    decimal LineTotal,
    decimal Discount,
    decimal AllowanceTaken,
    IReadOnlyList<ExplanationStepDto> Explanation);

public sealed record ExplanationStepDto(string RuleId, string Kind, decimal Before, decimal After, string Note);

public sealed record ViolationDto(string Sku, string Rule, long Remaining);

public sealed record QuoteLineRequest([property: Required] string? Sku, [property: Required] long? Quantity);

using System.ComponentModel.DataAnnotations;
using InternalStore.Application.Pricing;

namespace InternalStore.Application.Carts;

/// <summary>The caller's cart with a live quote of the lines that can be priced now (null when there is none).</summary>
/// <param name="Orderable">Every line can be ordered as it stands: no line has a problem.</param>
public sealed record CartDto(IReadOnlyList<CartLineDto> Lines, QuoteDto? Quote, bool Orderable, DateTimeOffset? UpdatedAt);

/// <param name="StockOnHand">Units in stock now; null for a line no longer sold.</param>
/// <param name="Problem">Why the line cannot be ordered as it stands: <c>not-sold</c>, <c>insufficient-stock</c> or <c>quantity-limit</c>.</param>
/// <param name="ProblemText">The problem in words for the buyer.</param>
public sealed record CartLineDto(string Sku, string? Name, int Quantity, int? StockOnHand, string? Problem, string? ProblemText);

/// <summary>A change to one line: the quantity is set (0 takes the line out) or added.</summary>
public sealed record CartLineRequest([property: Required] string? Sku, [property: Required] int? Quantity);

using InternalStore.Application.Authority;
using FluentValidation;
using FluentValidation.Results;
using InternalStore.Application.Common;
using InternalStore.Domain.Common;
using InternalStore.Pricing;
using Mediator;
using Microsoft.Extensions.Options;

namespace InternalStore.Application.Pricing;

/// <summary>Prices a cart for the caller, with explanations and a signed token that locks the prices.</summary>
public sealed record QuoteCartQuery(Caller Caller, IReadOnlyList<QuoteLineRequest>? Lines) : IQuery<QuoteDto>, ICallerMessage;

public sealed class QuoteCartValidator : AbstractValidator<QuoteCartQuery>
{
    public QuoteCartValidator() => this.CartRules(x => x.Lines);
}

/// <summary>The rules every cart obeys, for quotes and orders alike.</summary>
public static class CartValidation
{
    public const int MaxLines = Domain.Shopping.Cart.MaxLines;
    public const int MaxQuantity = Domain.Shopping.Cart.MaxQuantity;

    public static void CartRules<T>(this AbstractValidator<T> validator, Func<T, IReadOnlyList<QuoteLineRequest>?> lines)
    {
        validator.RuleFor(x => lines(x)).NotNull().WithMessage("A cart needs lines.")
            .Must(l => l!.Count is >= 1 and <= MaxLines).WithMessage($"A cart has 1 to {MaxLines} lines.")
            .OverridePropertyName("lines");
        validator.RuleFor(x => lines(x)).Custom(CheckLines).When(x => lines(x) is { Count: >= 1 and <= MaxLines });
    }

    /// <summary>Lines in cart order, each for SKU, then duplicate, then quantity, as the engine does.</summary>
    private static void CheckLines<T>(IReadOnlyList<QuoteLineRequest>? lines, ValidationContext<T> context)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < lines!.Count; i++)
        {
            var line = lines[i];
            if (line is null)
                Fail(context, $"lines[{i}]", "validation", "A line is an object {sku, quantity}.");
            else if (string.IsNullOrWhiteSpace(line.Sku) || line.Sku.Length > 40)
                Fail(context, $"lines[{i}].sku", "validation", "A line names a SKU of 1 to 40 characters.");
            else if (!seen.Add(line.Sku))
                Fail(context, $"lines[{i}].sku", "duplicate-sku", $"SKU '{line.Sku}' is already on an earlier line.");
            else if (line.Quantity is null or < 1 or > MaxQuantity)
                Fail(context, $"lines[{i}].quantity", "invalid-quantity", $"The quantity is a whole number from 1 to {MaxQuantity}.");
        }
    }

    private static void Fail<T>(ValidationContext<T> context, string field, string code, string message) =>
        context.AddFailure(new ValidationFailure(field, message) { ErrorCode = code });
}

public sealed class QuoteCartHandler(CartQuotes quotes) : IQueryHandler<QuoteCartQuery, QuoteDto>
{
    public async ValueTask<QuoteDto> Handle(QuoteCartQuery query, CancellationToken cancellationToken) =>
        await quotes.QuoteAsync(query.Caller, query.Lines!, cancellationToken);
}

/// <summary>A cart priced for the caller now, in the API's shape, with the token that locks its prices.</summary>
public sealed class CartQuotes(CartPricer pricer, QuoteTokens tokens, TimeProvider clock, IOptions<PricingOptions> options)
{
    public async Task<QuoteDto> QuoteAsync(Caller caller, IReadOnlyList<QuoteLineRequest> lines, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var priced = await pricer.PriceAsync(caller, lines, DateOnly.FromDateTime(now.UtcDateTime),
            lockForOrder: false, cancellationToken);
        return ToDto(caller, priced.Quote, priced.Products, now);
    }

    private QuoteDto ToDto(Caller caller, PriceQuote quote, IReadOnlyDictionary<string, Domain.Catalog.Product> products,
        DateTimeOffset now)
    {
        var currency = quote.Currency;
        decimal Money(decimal amount) => Currencies.ToMinorUnitScale(amount, currency);
        var expiresAt = now.AddMinutes(options.Value.QuoteLifetimeMinutes);
        var pricedAs = quote.PricedAs.WireName();

        var lines = quote.Lines.Select((line, i) => new QuoteLineDto(
            line.Sku, products[line.Sku].Name, line.Quantity, Money(line.ListPrice), Money(line.UnitPrice),
            Money(line.LineTotal), Money(line.Discount), Money(line.AllowanceTaken), Explanations.Of(quote, i))).ToList();
        var claims = new QuoteClaims(caller.Subject, pricedAs, currency,
            quote.Lines.Select(l => new QuotedLine(l.Sku, l.Quantity, l.UnitPrice, l.LineTotal, l.AllowanceTaken)).ToList(),
            quote.Subtotal, quote.AllowanceConsumed, expiresAt);

        return new QuoteDto(currency, pricedAs, lines, Money(quote.Subtotal), Money(quote.DiscountTotal),
            Money(quote.AllowanceConsumed),
            quote.Violations.Select(v => new ViolationDto(v.Sku, v.Rule, v.Remaining)).ToList(),
            tokens.Sign(claims), expiresAt);
    }
}

/// <summary>A line's explanation in the API's shape: kinds in camelCase, amounts readable.</summary>
public static class Explanations
{
    private static readonly string[] KindNames =
        [.. Enum.GetValues<StepKind>().Select(k => char.ToLowerInvariant(k.ToString()[0]) + k.ToString()[1..])];

    public static IReadOnlyList<ExplanationStepDto> Of(PriceQuote quote, int line)
    {
        var steps = quote.Explain(line);
        var dtos = new ExplanationStepDto[steps.Count];
        for (var i = 0; i < dtos.Length; i++)
        {
            var s = steps[i];
            dtos[i] = new ExplanationStepDto(s.RuleId, KindNames[(int)s.Kind],
                Currencies.ToReadableScale(s.Before, quote.Currency), Currencies.ToReadableScale(s.After, quote.Currency), s.Note);
        }

        return dtos;
    }
}

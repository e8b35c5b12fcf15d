using FluentValidation;
using FluentValidation.Results;
using InternalStore.Application.Common;
using InternalStore.Domain.Common;
using InternalStore.Pricing;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InternalStore.Application.Pricing;

/// <summary>Prices a cart for the caller, with explanations and a signed token that locks the prices.</summary>
public sealed record QuoteCartQuery(Caller Caller, IReadOnlyList<QuoteLineRequest>? Lines) : IQuery<QuoteDto>;

public sealed class QuoteCartValidator : AbstractValidator<QuoteCartQuery>
{
    public const int MaxLines = 500;
    public const int MaxQuantity = 10_000;

    public QuoteCartValidator()
    {
        RuleFor(x => x.Lines).NotNull().WithMessage("A quote needs lines.")
            .Must(l => l!.Count is >= 1 and <= MaxLines).WithMessage($"A quote has 1 to {MaxLines} lines.")
            .OverridePropertyName("lines");
        RuleFor(x => x.Lines).Custom(CheckLines).When(x => x.Lines is { Count: >= 1 and <= MaxLines });
    }

    /// <summary>Lines in cart order, each for SKU, then duplicate, then quantity, as the engine does.</summary>
    private static void CheckLines(IReadOnlyList<QuoteLineRequest>? lines, ValidationContext<QuoteCartQuery> context)
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

    private static void Fail(ValidationContext<QuoteCartQuery> context, string field, string code, string message) =>
        context.AddFailure(new ValidationFailure(field, message) { ErrorCode = code });
}

public sealed class QuoteCartHandler(IStoreDb db, PricingFacts facts, QuoteTokens tokens, TimeProvider clock,
    IOptions<PricingOptions> options) : IQueryHandler<QuoteCartQuery, QuoteDto>
{
    public async ValueTask<QuoteDto> Handle(QuoteCartQuery query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var asOf = DateOnly.FromDateTime(now.UtcDateTime);
        var currency = options.Value.Currency;
        var lines = query.Lines!.Select(l => new CartLine(l.Sku!, l.Quantity!.Value)).ToList();

        var (buyer, company) = await ResolveBuyerAsync(query.Caller, asOf, cancellationToken);
        var skus = lines.Select(l => l.Sku).ToList();
        var products = await db.Products.AsNoTracking()
            .Where(p => skus.Contains(p.Sku) && p.Active)
            .ToDictionaryAsync(p => p.Sku, StringComparer.Ordinal, cancellationToken);
        for (var i = 0; i < lines.Count; i++)
        {
            if (products.TryGetValue(lines[i].Sku, out var product) && product.Currency != currency)
                throw new DomainValidationException("unsupported-currency", $"lines[{i}].sku",
                    $"{product.Sku} is priced in {product.Currency}; this store quotes in {currency}.");
        }

        var catalog = new PricingCatalog(products.Values.Select(p =>
            new CatalogItem(p.Sku, p.Category, p.ListPrice, p.UnitCost, p.EmployeeDiscount)));
        var rules = await facts.RulesAsync(company, asOf, cancellationToken);
        var result = PricingEngine.Price(new PricingRequest(rules, catalog, buyer, lines, asOf, currency));
        if (!result.IsSuccess)
            throw ToValidationError(result.Error);

        return ToDto(query.Caller, result.Quote, products, now);
    }

    /// <summary>
    /// Storefront keys and callers without a buying role are external. An employee on the roster is
    /// priced by the policy of their company (the engine decides eligibility); a department buyer pays
    /// the transfer price, an affiliate buyer the intercompany price.
    /// </summary>
    private async Task<(Buyer Buyer, string? Company)> ResolveBuyerAsync(Caller caller, DateOnly asOf,
        CancellationToken cancellationToken)
    {
        if (caller.IsStorefront)
            return (ExternalBuyer.Instance, null);
        if (caller.IsInRole(Roles.Employee) && await facts.EmployeeAsync(caller.Subject, cancellationToken) is { } employee)
            return (PricingFacts.ToBuyer(employee, asOf), employee.CompanyCode);
        if (caller.IsInRole(Roles.DepartmentBuyer) && caller.CostCenter is not null)
            return (new DepartmentBuyer(caller.CostCenter), caller.Company);
        if (caller.IsInRole(Roles.AffiliateBuyer) && caller.Affiliate is not null)
            return (new AffiliateBuyer(caller.Affiliate), caller.Company);
        return (ExternalBuyer.Instance, caller.Company);
    }

    private static DomainValidationException ToValidationError(PricingError error)
    {
        var field = error.Code switch
        {
            "invalid-quantity" => $"lines[{error.LineIndex}].quantity",
            _ when error.LineIndex >= 0 => $"lines[{error.LineIndex}].sku",
            _ => "currency",
        };
        return new DomainValidationException(error.Code, field, error.Message);
    }

    private QuoteDto ToDto(Caller caller, PriceQuote quote, Dictionary<string, Domain.Catalog.Product> products,
        DateTimeOffset now)
    {
        var currency = quote.Currency;
        decimal Money(decimal amount) => Currencies.ToMinorUnitScale(amount, currency);
        var expiresAt = now.AddMinutes(options.Value.QuoteLifetimeMinutes);
        var pricedAs = quote.PricedAs.ToString().ToLowerInvariant();

        var lines = quote.Lines.Select((line, i) => new QuoteLineDto(
            line.Sku, products[line.Sku].Name, line.Quantity, Money(line.ListPrice), Money(line.UnitPrice),
            Money(line.LineTotal), Money(line.Discount), Money(line.AllowanceTaken),
            quote.Explain(i).Select(s => new ExplanationStepDto(s.RuleId, ToCamel(s.Kind.ToString()),
                    Currencies.ToReadableScale(s.Before, currency), Currencies.ToReadableScale(s.After, currency), s.Note))
                .ToList())).ToList();
        var claims = new QuoteClaims(caller.Subject, pricedAs, currency,
            quote.Lines.Select(l => new QuotedLine(l.Sku, l.Quantity, l.UnitPrice, l.LineTotal)).ToList(),
            quote.Subtotal, quote.AllowanceConsumed, expiresAt);

        return new QuoteDto(currency, pricedAs, lines, Money(quote.Subtotal), Money(quote.DiscountTotal),
            Money(quote.AllowanceConsumed),
            quote.Violations.Select(v => new ViolationDto(v.Sku, v.Rule, v.Remaining)).ToList(),
            tokens.Sign(claims), expiresAt);
    }

    private static string ToCamel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}

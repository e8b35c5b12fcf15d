using FluentValidation;
using FluentValidation.Results;
using InternalStore.Application.Authority;
using InternalStore.Application.Common;
using InternalStore.Application.Pricing;
using InternalStore.Domain.Common;
using InternalStore.Domain.Negotiation;
using InternalStore.Domain.Ordering;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InternalStore.Application.Negotiation;

public sealed record QuoteRequestLineRequest(string? Sku, int? Quantity, decimal? TargetUnitPrice);

/// <summary>
/// A department or affiliate buyer asks for a negotiated price. The same key again answers with the
/// same request. When finance's band covers every line's target, an offer at the target is made at once.
/// </summary>
public sealed record SubmitQuoteRequestCommand(Caller Caller, string? IdempotencyKey, IReadOnlyList<QuoteRequestLineRequest>? Lines,
    decimal? TargetTotal, string? Comment) : ICommand<QuoteRequestResult>, ICallerMessage
{
    public string RequestHash => Common.RequestHash.OfJson(new { Lines, TargetTotal, Comment });
}

public sealed record QuoteRequestResult(QuoteRequestDto Request, bool Created);

public sealed class SubmitQuoteRequestValidator : AbstractValidator<SubmitQuoteRequestCommand>
{
    public const int MaxLines = 100;

    public SubmitQuoteRequestValidator()
    {
        RuleFor(x => x.IdempotencyKey).NotEmpty().WithMessage("Send an Idempotency-Key header: a retry with it is safe.")
            .MaximumLength(100).OverridePropertyName("Idempotency-Key");
        RuleFor(x => x.Lines).NotNull().WithMessage("A quote request needs lines.")
            .Must(l => l!.Count is >= 1 and <= MaxLines).WithMessage($"A quote request has 1 to {MaxLines} lines.")
            .OverridePropertyName("lines");
        RuleFor(x => x.Lines).Custom((lines, context) =>
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < lines!.Count; i++)
            {
                var line = lines[i];
                if (line is null || string.IsNullOrWhiteSpace(line.Sku) || line.Sku.Length > 40)
                    context.AddFailure(new ValidationFailure($"lines[{i}].sku", "A line names a SKU of 1 to 40 characters."));
                else if (!seen.Add(line.Sku))
                    context.AddFailure(new ValidationFailure($"lines[{i}].sku", $"SKU '{line.Sku}' is already on an earlier line.") { ErrorCode = "duplicate-sku" });
                else if (line.Quantity is null or < 1 or > CartValidation.MaxQuantity)
                    context.AddFailure(new ValidationFailure($"lines[{i}].quantity", $"The quantity is a whole number from 1 to {CartValidation.MaxQuantity}.") { ErrorCode = "invalid-quantity" });
                else if (line.TargetUnitPrice is < 0 or > 1_000_000_000)
                    context.AddFailure(new ValidationFailure($"lines[{i}].targetUnitPrice", "targetUnitPrice is a price from 0."));
            }
        }).When(x => x.Lines is { Count: >= 1 and <= MaxLines });
        RuleFor(x => x.TargetTotal).InclusiveBetween(0, 1_000_000_000_000).When(x => x.TargetTotal is not null).OverridePropertyName("targetTotal");
        RuleFor(x => x.Comment).MaximumLength(2000).OverridePropertyName("comment");
    }
}

public sealed class SubmitQuoteRequestHandler(IStoreDb db, CartPricer pricer, OrganisationAuthority authority, NegotiationBasis basis,
    TimeProvider clock, IOptions<NegotiationOptions> options) : ICommandHandler<SubmitQuoteRequestCommand, QuoteRequestResult>
{
    public async ValueTask<QuoteRequestResult> Handle(SubmitQuoteRequestCommand command, CancellationToken cancellationToken)
    {
        var caller = command.Caller;
        var earlier = await db.QuoteRequests.AsNoTracking().Include(r => r.Lines).Include(r => r.Offers).ThenInclude(o => o.Lines)
            .Include(r => r.Events).AsSplitQuery()
            .FirstOrDefaultAsync(r => r.BuyerId == caller.Subject && r.IdempotencyKey == command.IdempotencyKey, cancellationToken);
        if (earlier is not null)
            return earlier.RequestHash == command.RequestHash
                ? new QuoteRequestResult(earlier.ToDto(basis.Currency, forBuyer: true), Created: false)
                : throw new IdempotencyKeyReusedException(command.IdempotencyKey!);

        var now = clock.GetUtcNow();
        var buyer = await pricer.BuyerAsync(caller, DateOnly.FromDateTime(now.UtcDateTime), cancellationToken);
        if (buyer.Kind is not (BuyerKind.Department or BuyerKind.Affiliate))
            throw new ForbiddenException("Quote requests are made by department buyers and affiliate buyers.");
        var skus = command.Lines!.Select(l => l.Sku!).ToList();
        var products = await db.Products.AsNoTracking().Where(p => skus.Contains(p.Sku) && p.Active)
            .ToDictionaryAsync(p => p.Sku, StringComparer.Ordinal, cancellationToken);
        var lines = new List<QuoteRequestLine>();
        for (var i = 0; i < command.Lines!.Count; i++)
        {
            var line = command.Lines[i];
            if (!products.TryGetValue(line.Sku!, out var product))
                throw new DomainValidationException("unknown-sku", $"lines[{i}].sku", $"There is no product '{line.Sku}' on sale.");
            lines.Add(new QuoteRequestLine(product.Sku, product.Name, line.Quantity!.Value, line.TargetUnitPrice));
        }

        var role = buyer.Kind == BuyerKind.Department ? Roles.DepartmentBuyer : Roles.AffiliateBuyer;
        var seller = buyer.Kind == BuyerKind.Department ? buyer.Company!
            : OrganisationAuthority.SellerForAffiliate(caller, await authority.ChartAsync(cancellationToken))!;
        var request = QuoteRequest.Submit(buyer.Kind.Value, caller.Subject, role, caller.Company, buyer.Company!, buyer.CostCenter,
            caller.Affiliate, seller, lines, command.TargetTotal, command.Comment, command.IdempotencyKey!, command.RequestHash, now);
        await OfferWithinBandAsync(request, now, cancellationToken);
        db.QuoteRequests.Add(request);
        await db.SaveChangesAsync(cancellationToken);
        return new QuoteRequestResult(request.ToDto(basis.Currency, forBuyer: true), Created: true);
    }

    /// <summary>
    /// Finance's band answers at once: when every line has a target no further under the standard
    /// price than the band (and not under the floor), the offer is the target (or the standard price, if lower).
    /// </summary>
    private async Task OfferWithinBandAsync(QuoteRequest request, DateTimeOffset now, CancellationToken ct)
    {
        var settings = await basis.SettingsAsync(request.SellerCompany, ct);
        if (settings.AutoOfferBandPercent <= 0 || request.Lines.Any(l => l.TargetUnitPrice is null))
            return;
        var facts = await basis.OfAsync(request, ct);
        var band = 1m - settings.AutoOfferBandPercent / 100m;
        var within = request.Lines.Zip(facts).All(p => p.First.TargetUnitPrice >= p.Second.StandardUnitPrice * band
                                                       && p.First.TargetUnitPrice >= p.Second.Floor);
        if (!within)
            return;
        request.MakeOffer("finance-band", [.. request.Lines.Zip(facts).Select(p => new OfferLine(p.First.Sku, p.First.Quantity,
                Math.Min(p.First.TargetUnitPrice!.Value, p.Second.StandardUnitPrice), p.Second.UnitCost, p.Second.StandardUnitPrice,
                p.Second.Floor))],
            now.AddDays(options.Value.OfferValidDays),
            $"Offered at once: within {settings.AutoOfferBandPercent:0.##} % of the standard price, as finance's band allows.",
            automatic: true, now);
    }
}

/// <summary>The <c>Negotiation</c> configuration section.</summary>
public sealed class NegotiationOptions
{
    public const string Section = "Negotiation";

    /// <summary>Days an automatic offer stays valid.</summary>
    public int OfferValidDays { get; set; } = 14;
}

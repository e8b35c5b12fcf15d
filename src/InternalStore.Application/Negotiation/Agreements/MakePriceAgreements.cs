using FluentValidation;
using InternalStore.Application.Authority;
using InternalStore.Application.Common;
using InternalStore.Domain.Negotiation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InternalStore.Application.Negotiation.Agreements;

/// <summary>
/// Finance of the seller makes an accepted offer's lines (all, or the SKUs named) standing agreements
/// from..to for the buyer who asked (its cost centre, or its company). All or none: a line that would
/// overlap an agreement of the same buyer and SKU refuses the whole request with 409 <c>agreement-overlap</c>.
/// The same key again answers with the same agreements.
/// </summary>
public sealed record MakePriceAgreementsCommand(Caller Caller, string? IdempotencyKey, Guid? QuoteRequestId, IReadOnlyList<string>? Skus,
    DateOnly? From, DateOnly? To) : ICommand<PriceAgreementsResult>, ICallerMessage
{
    public string RequestHash => Common.RequestHash.OfJson(new { QuoteRequestId, Skus, From, To });
}

public sealed record PriceAgreementsResult(IReadOnlyList<PriceAgreementDto> Agreements, bool Created);

public sealed class MakePriceAgreementsValidator : AbstractValidator<MakePriceAgreementsCommand>
{
    public MakePriceAgreementsValidator()
    {
        RuleFor(x => x.IdempotencyKey).NotEmpty().WithMessage("Send an Idempotency-Key header: a retry with it is safe.")
            .MaximumLength(100).OverridePropertyName("Idempotency-Key");
        RuleFor(x => x.QuoteRequestId).NotNull().WithMessage("quoteRequestId names the request whose accepted offer is agreed.")
            .OverridePropertyName("quoteRequestId");
        RuleFor(x => x.To).NotNull().WithMessage("to is the agreement's last day (yyyy-MM-dd).").OverridePropertyName("to");
        RuleFor(x => x.Skus).Must(s => s!.Count is >= 1 and <= SubmitQuoteRequestValidator.MaxLines
                                       && s.All(k => !string.IsNullOrWhiteSpace(k) && k.Length <= 40)
                                       && s.Distinct(StringComparer.Ordinal).Count() == s.Count)
            .WithMessage("skus, when sent, names 1 to 100 different SKUs of the offer (leave it out for all its lines).")
            .When(x => x.Skus is not null).OverridePropertyName("skus");
    }
}

public sealed class MakePriceAgreementsHandler(IStoreDb db, QuoteRequestAccess access, TimeProvider clock,
    IOptions<Pricing.PricingOptions> pricing) : ICommandHandler<MakePriceAgreementsCommand, PriceAgreementsResult>
{
    public async ValueTask<PriceAgreementsResult> Handle(MakePriceAgreementsCommand command, CancellationToken cancellationToken)
    {
        var caller = command.Caller;
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var (request, scope) = await access.LoadAsync(caller, command.QuoteRequestId!.Value, track: true, cancellationToken);
        QuoteRequestAccess.RequireSellerFinance(scope, request);
        var skus = command.Skus?.ToList() ?? [.. request.Lines.Select(l => l.Sku)];

        // Locking the SKUs' product rows makes agreements on one SKU take turns, across processes too:
        // the overlap check below then sees every agreement committed before it.
        await db.LockProductsAsync(skus, cancellationToken);
        var earlier = await db.PriceAgreements.AsNoTracking()
            .Where(a => a.CreatedBy == caller.Subject && a.IdempotencyKey == command.IdempotencyKey).ToListAsync(cancellationToken);
        if (earlier.Count > 0)
            return earlier[0].RequestHash == command.RequestHash
                ? new PriceAgreementsResult([.. earlier.OrderBy(a => a.Id).Select(a => a.ToDto(today))], Created: false)
                : throw new IdempotencyKeyReusedException(command.IdempotencyKey!);

        var from = command.From ?? today;
        var to = command.To!.Value;
        var existing = await db.PriceAgreements.AsNoTracking()
            .Where(a => a.SellerCompany == request.SellerCompany && a.BuyerKind == request.BuyerKind && a.BuyerCompany == request.BuyerCompany
                        && skus.Contains(a.Sku) && a.To >= from)
            .ToListAsync(cancellationToken);
        var made = new List<PriceAgreement>();
        foreach (var sku in skus)
        {
            var name = request.Lines.FirstOrDefault(l => l.Sku == sku)?.Name ?? sku;
            var agreement = PriceAgreement.FromAcceptedOffer(request, sku, name, from, to, today, pricing.Value.Currency, caller.Subject,
                now, command.IdempotencyKey!, command.RequestHash);
            agreement.EnsureNoOverlapWith(existing);
            made.Add(agreement);
        }

        db.PriceAgreements.AddRange(made);
        await db.SaveChangesAsync(cancellationToken);
        return new PriceAgreementsResult([.. made.Select(a => a.ToDto(today))], Created: true);
    }
}

using InternalStore.Api.Auth;
using InternalStore.Application.Checkout;
using InternalStore.Application.Common;
using InternalStore.Application.Negotiation;
using InternalStore.Application.Negotiation.Agreements;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace InternalStore.Api.Endpoints;

/// <summary>Quote requests, offers and counter-offers between internal buyers and finance of the selling company.</summary>
public static class NegotiationEndpoints
{
    public static IEndpointRouteBuilder MapNegotiationEndpoints(this IEndpointRouteBuilder app)
    {
        var requests = app.MapGroup("/api/quote-requests").WithTags("Negotiation");
        requests.MapPost("/", Submit).RequireAuthorization(Policies.InternalBuyer)
            .WithSummary("Ask for a negotiated price (Idempotency-Key required); finance's band may answer at once.");
        requests.MapGet("/", List).RequireAuthorization(Policies.Person)
            .WithSummary("Your requests; finance: the requests its companies are asked to sell on (awaitingApproval=true: the approval queue).");
        requests.MapGet("/{id:guid}", Get).RequireAuthorization(Policies.Person)
            .WithSummary("A request with its offers (each line's cost basis), and its history.");
        requests.MapPost("/{id:guid}/offers", Offer).RequireAuthorization(Policies.Finance)
            .WithSummary("Finance of the seller offers prices (never below the floor); below the standard price it needs a second finance person's approval.");
        requests.MapPost("/{id:guid}/offers/{version:int}/approve", Approve).RequireAuthorization(Policies.Finance)
            .WithSummary("A second finance person approves an offer below the standard price (the author may not).");
        requests.MapPost("/{id:guid}/offers/{version:int}/accept", Accept).RequireAuthorization(Policies.InternalBuyer)
            .WithSummary("Accept the current offer (Idempotency-Key required): an order at the offered prices, settled by chargeback or invoice.");
        requests.MapPost("/{id:guid}/offers/{version:int}/decline", Decline).RequireAuthorization(Policies.InternalBuyer)
            .WithSummary("Decline the current offer with a reason: the request ends declined (renegotiate asks for a better one).");
        requests.MapPost("/{id:guid}/offers/{version:int}/renegotiate", Renegotiate).RequireAuthorization(Policies.InternalBuyer)
            .WithSummary("Ask for a better offer; finance answers with the next version.");
        requests.MapPost("/{id:guid}/withdraw", Withdraw).RequireAuthorization(Policies.InternalBuyer)
            .WithSummary("The buyer withdraws the request; no offer of it can be accepted any more.");

        var settings = app.MapGroup("/api/finance/negotiation-settings").WithTags("Negotiation").RequireAuthorization(Policies.Finance);
        settings.MapGet("/", GetSettings).WithSummary("Your company's minimum negotiated markup and automatic-offer band.");
        settings.MapPut("/", PutSettings).WithSummary("Set your company's minimum negotiated markup and automatic-offer band.");

        var agreements = app.MapGroup("/api/finance/price-agreements").WithTags("Negotiation").RequireAuthorization(Policies.Finance);
        agreements.MapGet("/", ListAgreements)
            .WithSummary("Standing agreements your companies sell on (status=scheduled|active|expired|ended, sku, buyer, quoteRequestId).");
        agreements.MapPost("/", MakeAgreements)
            .WithSummary("Make an accepted offer's lines standing agreements from..to for its buyer (Idempotency-Key required).");
        agreements.MapGet("/{id:long}", GetAgreement).WithSummary("One standing agreement.");
        agreements.MapPost("/{id:long}/end", EndAgreement)
            .WithSummary("End an agreement before its last day, with a reason: from today the standard price applies.");
        app.MapGet("/api/me/price-agreements", MyAgreements).WithTags("Negotiation").RequireAuthorization(Policies.InternalBuyer)
            .WithSummary("The standing agreements that price you (your cost centre, or your company).");
        return app;
    }

    private static async Task<Ok<Page<PriceAgreementDto>>> ListAgreements(HttpContext http, ISender sender, string? status, string? sku,
        string? buyer, Guid? quoteRequestId, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListPriceAgreementsQuery(http.User.ToCaller(), Mine: false, status, sku, buyer,
            quoteRequestId, page ?? 1, pageSize ?? Paging.DefaultPageSize), ct));

    private static async Task<Ok<Page<PriceAgreementDto>>> MyAgreements(HttpContext http, ISender sender, string? status, string? sku,
        int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListPriceAgreementsQuery(http.User.ToCaller(), Mine: true, status, sku, null, null,
            page ?? 1, pageSize ?? Paging.DefaultPageSize), ct));

    private static async Task<Results<Created<PriceAgreementsBody>, Ok<PriceAgreementsBody>>> MakeAgreements(HttpContext http,
        ISender sender, MakeAgreementsBody body, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, CancellationToken ct)
    {
        var result = await sender.Send(new MakePriceAgreementsCommand(http.User.ToCaller(), idempotencyKey, body.QuoteRequestId, body.Skus,
            body.From, body.To), ct);
        var answer = new PriceAgreementsBody(result.Agreements);
        return result.Created
            ? TypedResults.Created($"/api/finance/price-agreements?quoteRequestId={body.QuoteRequestId}", answer)
            : TypedResults.Ok(answer);
    }

    private static async Task<Ok<PriceAgreementDto>> GetAgreement(HttpContext http, ISender sender, long id, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetPriceAgreementQuery(http.User.ToCaller(), id), ct));

    private static async Task<Ok<PriceAgreementDto>> EndAgreement(HttpContext http, ISender sender, long id, ReasonBody body,
        CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new EndPriceAgreementCommand(http.User.ToCaller(), id, body.Reason), ct));

    private static async Task<Results<Created<QuoteRequestDto>, Ok<QuoteRequestDto>>> Submit(HttpContext http, ISender sender,
        QuoteRequestBody body, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, CancellationToken ct)
    {
        var result = await sender.Send(new SubmitQuoteRequestCommand(http.User.ToCaller(), idempotencyKey, body.Lines, body.TargetTotal,
            body.Comment), ct);
        return result.Created
            ? TypedResults.Created($"/api/quote-requests/{result.Request.Id}", result.Request)
            : TypedResults.Ok(result.Request);
    }

    private static async Task<Ok<Page<QuoteRequestDto>>> List(HttpContext http, ISender sender, string? status, bool? awaitingApproval,
        int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListQuoteRequestsQuery(http.User.ToCaller(), status, page ?? 1,
            pageSize ?? Paging.DefaultPageSize, awaitingApproval ?? false), ct));

    private static async Task<Ok<QuoteRequestDto>> Get(HttpContext http, ISender sender, Guid id, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetQuoteRequestQuery(http.User.ToCaller(), id), ct));

    private static async Task<Ok<QuoteRequestDto>> Offer(HttpContext http, ISender sender, Guid id, OfferBody body, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new MakeOfferCommand(http.User.ToCaller(), id, body.Lines, body.ValidUntil, body.Comment), ct));

    private static async Task<Ok<QuoteRequestDto>> Approve(HttpContext http, ISender sender, Guid id, int version, ReasonBody body,
        CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ApproveOfferCommand(http.User.ToCaller(), id, version, body.Reason), ct));

    private static async Task<Created<CheckoutDto>> Accept(HttpContext http, ISender sender, Guid id, int version,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, CancellationToken ct)
    {
        var result = await sender.Send(new AcceptOfferCommand(http.User.ToCaller(), id, version, idempotencyKey), ct);
        return TypedResults.Created($"/api/orders/{result.Order.Id}", result);
    }

    private static async Task<Ok<QuoteRequestDto>> Decline(HttpContext http, ISender sender, Guid id, int version, ReasonBody body,
        CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new AnswerOfferCommand(http.User.ToCaller(), id, version, OfferAnswer.Decline, body.Reason), ct));

    private static async Task<Ok<QuoteRequestDto>> Renegotiate(HttpContext http, ISender sender, Guid id, int version, ReasonBody body,
        CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new AnswerOfferCommand(http.User.ToCaller(), id, version, OfferAnswer.Renegotiate, body.Reason), ct));

    private static async Task<Ok<QuoteRequestDto>> Withdraw(HttpContext http, ISender sender, Guid id, ReasonBody? body, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new WithdrawQuoteRequestCommand(http.User.ToCaller(), id, body?.Reason), ct));

    private static async Task<Ok<NegotiationSettingsDto>> GetSettings(HttpContext http, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetNegotiationSettingsQuery(http.User.ToCaller()), ct));

    private static async Task<Ok<NegotiationSettingsDto>> PutSettings(HttpContext http, ISender sender, NegotiationSettingsBody body,
        CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new UpdateNegotiationSettingsCommand(http.User.ToCaller(), body.MinimumMarkupPercent,
            body.AutoOfferBandPercent), ct));
}

public sealed record QuoteRequestBody(IReadOnlyList<QuoteRequestLineRequest>? Lines, decimal? TargetTotal, string? Comment);

public sealed record OfferBody(IReadOnlyList<OfferLineRequest>? Lines, DateTimeOffset? ValidUntil, string? Comment);

public sealed record ReasonBody(string? Reason);

public sealed record NegotiationSettingsBody(decimal? MinimumMarkupPercent, decimal? AutoOfferBandPercent);

public sealed record MakeAgreementsBody(Guid? QuoteRequestId, IReadOnlyList<string>? Skus, DateOnly? From, DateOnly? To);

public sealed record PriceAgreementsBody(IReadOnlyList<PriceAgreementDto> Agreements);

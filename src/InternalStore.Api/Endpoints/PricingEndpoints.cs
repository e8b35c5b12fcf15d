using System.ComponentModel.DataAnnotations;
using InternalStore.Api.Auth;
using InternalStore.Application.Pricing;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InternalStore.Api.Endpoints;

public static class PricingEndpoints
{
    public static IEndpointRouteBuilder MapPricingEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/quotes", Quote).WithTags("Pricing").RequireAuthorization(Policies.AnyCaller)
            .WithSummary("Price a cart for the caller (storefront key: external) with explanations and a quote token.");
        app.MapGet("/api/me/allowance", MyAllowance).WithTags("Pricing").RequireAuthorization(Policies.Employee)
            .WithSummary("The caller's allowance for the year and quantity-limit usage.");
        app.MapGet("/api/me/benefits", MyBenefits).WithTags("Pricing").RequireAuthorization(Policies.Employee)
            .WithSummary("Your discounts this year, the tax-free part and what payroll reports as taxable, by pay period.");
        app.MapGet("/api/me", Me).WithTags("People").RequireAuthorization(Policies.Employee)
            .WithSummary("Your profile, the tier in force for you and why, your allowance and limits.");
        app.MapGet("/api/storefront/rules", StorefrontRules).WithTags("Pricing").RequireAuthorization(Policies.AnyCaller)
            .WithSummary("Currency, rounding and today's public promotions: enough to price external carts with the library.");
        return app;
    }

    private static async Task<Ok<Application.Storefront.StorefrontRulesDto>> StorefrontRules(HttpContext http, ISender sender,
        CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new Application.Storefront.GetStorefrontRulesQuery(http.User.ToCaller()), ct));

    private static async Task<Ok<Application.People.MeDto>> Me(HttpContext http, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new Application.People.GetMeQuery(http.User.ToCaller()), ct));

    private static async Task<GeneratedOk<QuoteDto>> Quote(HttpContext http, ISender sender, QuoteRequest request,
        CancellationToken ct) =>
        new(await sender.Send(new QuoteCartQuery(http.User.ToCaller(), request.Lines), ct), ApiJsonContext.Default.QuoteDto);

    private static async Task<Ok<Application.Benefits.MyBenefitsDto>> MyBenefits(HttpContext http, ISender sender,
        CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new Application.Benefits.GetMyBenefitsQuery(http.User.ToCaller()), ct));

    private static async Task<Ok<AllowanceDto>> MyAllowance(HttpContext http, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetMyAllowanceQuery(http.User.ToCaller()), ct));
}

/// <summary>Only SKUs and quantities: any price a client sends is not even read.</summary>
public sealed record QuoteRequest([property: Required] IReadOnlyList<QuoteLineRequest>? Lines);

using InternalStore.Api.Auth;
using InternalStore.Application.Benefits;
using InternalStore.Application.Checkout;
using InternalStore.Application.Common;
using InternalStore.Application.Finance;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InternalStore.Api.Endpoints;

public static class FinanceEndpoints
{
    public static IEndpointRouteBuilder MapFinanceEndpoints(this IEndpointRouteBuilder app)
    {
        var finance = app.MapGroup("/api/finance").WithTags("Finance").RequireAuthorization(Policies.Finance);
        finance.MapGet("/payroll-deductions", PayrollDeductions)
            .WithSummary("Deductions due on a pay date (period=YYYY-MM-DD); Accept: text/csv gives the payroll export.")
            .Produces<PayrollDeductionsDto>().Produces<string>(200, "text/csv");
        finance.MapGet("/chargebacks", Chargebacks)
            .WithSummary("A month's chargeback statement per cost centre (month=YYYY-MM); Accept: text/csv gives CSV.")
            .Produces<ChargebackStatementDto>().Produces<string>(200, "text/csv");
        finance.MapGet("/invoices", Invoices).WithSummary("Intercompany invoices, newest first (status=open|settled).");
        finance.MapPost("/invoices/{id:guid}/settle", Settle)
            .WithSummary("Record that the buying affiliate paid the invoice; its order becomes paid.");
        finance.MapGet("/taxable-benefits", TaxableBenefits)
            .WithSummary("Per employee, the discounts booked in a pay period (period=YYYY-MM-DD) and their taxable excess; Accept: text/csv gives CSV.")
            .Produces<TaxableBenefitsDto>().Produces<string>(200, "text/csv");
        finance.MapGet("/gross-profit", GrossProfit)
            .WithSummary("Each company's gross profit percentage per line of business for a year (year=YYYY), its source and every setting.");
        finance.MapPut("/gross-profit", SetGrossProfit)
            .WithSummary("Set a company's gross profit percentage for a line of business and year (audited).");
        return app;
    }

    private static async Task<IResult> PayrollDeductions(HttpContext http, ISender sender, DateOnly? period,
        CancellationToken ct)
    {
        if (period is null)
            throw new InternalStore.Domain.Common.DomainValidationException("validation", "period",
                "period is the pay date, YYYY-MM-DD.");
        var deductions = await sender.Send(new ListPayrollDeductionsQuery(http.User.ToCaller(), period.Value), ct);
        return WantsCsv(http)
            ? TypedResults.Text(FinanceCsv.PayrollDeductions(deductions), "text/csv")
            : TypedResults.Ok(deductions);
    }

    private static async Task<IResult> Chargebacks(HttpContext http, ISender sender, string? month, CancellationToken ct)
    {
        var statement = await sender.Send(new GetChargebackStatementQuery(http.User.ToCaller(), month), ct);
        return WantsCsv(http)
            ? TypedResults.Text(FinanceCsv.Chargebacks(statement), "text/csv")
            : TypedResults.Ok(statement);
    }

    private static async Task<Ok<Page<InvoiceDto>>> Invoices(HttpContext http, ISender sender, string? status, int? page, int? pageSize,
        CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListInvoicesQuery(http.User.ToCaller(), status, page ?? 1,
            Math.Clamp(pageSize ?? Paging.DefaultPageSize, 1, Paging.MaxPageSize)), ct));

    private static async Task<Ok<InvoiceDto>> Settle(HttpContext http, ISender sender, Guid id, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new SettleInvoiceCommand(http.User.ToCaller(), id), ct));

    private static async Task<IResult> TaxableBenefits(HttpContext http, ISender sender, DateOnly? period, CancellationToken ct)
    {
        if (period is null)
            throw new InternalStore.Domain.Common.DomainValidationException("validation", "period", "period is the pay date, YYYY-MM-DD.");
        var benefits = await sender.Send(new ListTaxableBenefitsQuery(http.User.ToCaller(), period.Value), ct);
        return WantsCsv(http)
            ? TypedResults.Text(FinanceCsv.TaxableBenefits(benefits), "text/csv")
            : TypedResults.Ok(benefits);
    }

    private static async Task<Ok<GrossProfitRatesDto>> GrossProfit(HttpContext http, ISender sender, TimeProvider clock, int? year,
        CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetGrossProfitRatesQuery(http.User.ToCaller(), year ?? clock.GetUtcNow().Year), ct));

    private static async Task<Ok<GrossProfitRateDto>> SetGrossProfit(HttpContext http, ISender sender,
        GrossProfitRequest request, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new SetGrossProfitRateCommand(http.User.ToCaller(), request.Company,
            request.LineOfBusiness, request.Year, request.Percent, request.Reason), ct));

    internal static bool WantsCsv(HttpContext http) =>
        http.Request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase));
}

public sealed record GrossProfitRequest(string? Company, string? LineOfBusiness, int? Year, decimal? Percent, string? Reason);

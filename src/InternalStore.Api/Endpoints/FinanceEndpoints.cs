using InternalStore.Api.Auth;
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
        return app;
    }

    private static async Task<IResult> PayrollDeductions(HttpContext http, ISender sender, DateOnly? period,
        CancellationToken ct)
    {
        if (period is null)
            throw new InternalStore.Domain.Common.DomainValidationException("validation", "period",
                "period is the pay date, YYYY-MM-DD.");
        var deductions = await sender.Send(new ListPayrollDeductionsQuery(period.Value), ct);
        return WantsCsv(http)
            ? TypedResults.Text(FinanceCsv.PayrollDeductions(deductions), "text/csv")
            : TypedResults.Ok(deductions);
    }

    private static async Task<IResult> Chargebacks(HttpContext http, ISender sender, string? month, CancellationToken ct)
    {
        var statement = await sender.Send(new GetChargebackStatementQuery(month), ct);
        return WantsCsv(http)
            ? TypedResults.Text(FinanceCsv.Chargebacks(statement), "text/csv")
            : TypedResults.Ok(statement);
    }

    private static async Task<Ok<Page<InvoiceDto>>> Invoices(ISender sender, string? status, int? page, int? pageSize,
        CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListInvoicesQuery(status, page ?? 1,
            Math.Clamp(pageSize ?? Paging.DefaultPageSize, 1, Paging.MaxPageSize)), ct));

    private static async Task<Ok<InvoiceDto>> Settle(HttpContext http, ISender sender, Guid id, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new SettleInvoiceCommand(http.User.ToCaller(), id), ct));

    private static bool WantsCsv(HttpContext http) =>
        http.Request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase));
}

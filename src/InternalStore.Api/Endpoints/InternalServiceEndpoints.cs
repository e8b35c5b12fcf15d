using InternalStore.Api.Auth;
using InternalStore.Application.InternalServices;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace InternalStore.Api.Endpoints;

/// <summary>Internal services between cost centres: rate cards, usage, the month-end close, statements and disputes.</summary>
public static class InternalServiceEndpoints
{
    public static IEndpointRouteBuilder MapInternalServiceEndpoints(this IEndpointRouteBuilder app)
    {
        var services = app.MapGroup("/api/internal-services").WithTags("Internal services");
        services.MapGet("/", List).RequireAuthorization(Policies.ServiceReader)
            .WithSummary("Rate cards: a provider's own centre's services, finance's companies', the group's for a department buyer.");
        services.MapGet("/{id}", Get).RequireAuthorization(Policies.ServiceReader).WithSummary("One service with its rate history.");
        services.MapPost("/", Create).RequireAuthorization(Policies.ServiceProvider)
            .WithSummary("Offer a service of your cost centre with its first rate (the same id and terms again replays).");
        services.MapPut("/{id}", Update).RequireAuthorization(Policies.ServiceProvider)
            .WithSummary("Change a service's name, unit, description or whether it is offered.");
        services.MapPost("/{id}/rates", AddRate).RequireAuthorization(Policies.ServiceProvider)
            .WithSummary("Add a rate from a day, for every consumer or one consuming cost centre (not in a closed month).");

        var usage = app.MapGroup("/api/usage").WithTags("Internal services");
        usage.MapPost("/", Record).RequireAuthorization(Policies.ServiceProvider)
            .WithSummary("Record a consuming centre's use of your service (Idempotency-Key required); priced when its month closes.");
        usage.MapPost("/{id:guid}/reverse", Reverse).RequireAuthorization(Policies.ServiceProvider)
            .WithSummary("Take an entry back by a reversing entry (its own date while the month is open, else the next open month).");
        usage.MapGet("/", ListUsage).RequireAuthorization(Policies.ProviderOrFinance)
            .WithSummary("A month's usage (month=YYYY-MM, default this month; consumer=, service=) with its running total.");

        var finance = app.MapGroup("/api/finance").WithTags("Finance").RequireAuthorization(Policies.Finance);
        finance.MapPost("/periods/{month}/close", Close)
            .WithSummary("Close a company's month (company=, default yours): price its usage, post chargebacks or show back, invoice other companies.");
        finance.MapGet("/periods", Periods).WithSummary("Months with usage or a close, per company, newest first.");
        finance.MapGet("/cost-allocation", Settings).WithSummary("Each company's month-end mode: chargeback (the default) or showback.");
        finance.MapPut("/cost-allocation", SetSetting).WithSummary("Set a company's month-end mode: chargeback or showback.");
        finance.MapGet("/internal-costs", InternalCosts)
            .WithSummary("Cost per consuming centre x service x month and per supplier (from=, to= YYYY-MM); Accept: text/csv gives CSV.")
            .Produces<InternalCostsDto>().Produces<string>(200, "text/csv");

        var centres = app.MapGroup("/api/cost-centres").WithTags("Internal services");
        centres.MapGet("/{code}/statement", Statement).RequireAuthorization(Policies.DepartmentOrFinance)
            .WithSummary("A cost centre's month (month=YYYY-MM): goods and services on one statement (its department buyer, finance).");
        centres.MapPost("/{code}/statement/accept", Accept).RequireAuthorization(Policies.DepartmentBuyer)
            .WithSummary("Accept a closed month's statement (its department buyer; no dispute open).");

        app.MapPost("/api/statement-lines/{id:guid}/dispute", Dispute).WithTags("Internal services")
            .RequireAuthorization(Policies.DepartmentBuyer).WithSummary("Dispute a line of your centre's closed statement, with a reason.");
        var disputes = app.MapGroup("/api/disputes").WithTags("Internal services");
        disputes.MapGet("/", Disputes).RequireAuthorization(Policies.DisputeParty)
            .WithSummary("Disputes you are party to (status=open|upheld|adjusted), open first.");
        disputes.MapPost("/{id:guid}/resolve", Resolve).RequireAuthorization(Policies.ProviderOrFinance)
            .WithSummary("Answer a dispute: upheld, or adjusted to an amount (a correcting entry in the next open month).");
        return app;
    }

    private static async Task<Ok<IReadOnlyList<InternalServiceDto>>> List(HttpContext http, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListInternalServicesQuery(http.User.ToCaller()), ct));

    private static async Task<Ok<InternalServiceDto>> Get(HttpContext http, ISender sender, string id, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetInternalServiceQuery(http.User.ToCaller(), id), ct));

    private static async Task<Results<Created<InternalServiceDto>, Ok<InternalServiceDto>>> Create(HttpContext http, ISender sender,
        InternalServiceBody body, CancellationToken ct)
    {
        var result = await sender.Send(new CreateInternalServiceCommand(http.User.ToCaller(), body.Id, body.ToInput(), body.UnitRate, body.From), ct);
        return result.Created
            ? TypedResults.Created($"/api/internal-services/{Uri.EscapeDataString(result.Service.Id)}", result.Service)
            : TypedResults.Ok(result.Service);
    }

    private static async Task<Ok<InternalServiceDto>> Update(HttpContext http, ISender sender, string id, InternalServiceBody body,
        CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new UpdateInternalServiceCommand(http.User.ToCaller(), id, body.ToInput()), ct));

    private static async Task<Results<Created<InternalServiceDto>, Ok<InternalServiceDto>>> AddRate(HttpContext http, ISender sender,
        string id, ServiceRateBody body, CancellationToken ct)
    {
        var result = await sender.Send(new AddServiceRateCommand(http.User.ToCaller(), id, body.UnitRate, body.From, body.Consumer), ct);
        return result.Created
            ? TypedResults.Created($"/api/internal-services/{Uri.EscapeDataString(id)}", result.Service)
            : TypedResults.Ok(result.Service);
    }

    private static async Task<Results<Created<UsageEntryDto>, Ok<UsageEntryDto>>> Record(HttpContext http, ISender sender, UsageBody body,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, CancellationToken ct)
    {
        var result = await sender.Send(new RecordUsageCommand(http.User.ToCaller(), idempotencyKey, body.Service, body.Consumer,
            body.Quantity, body.Date, body.Reference, body.Note), ct);
        return result.Created ? TypedResults.Created($"/api/usage?month={result.Entry.Date:yyyy-MM}", result.Entry) : TypedResults.Ok(result.Entry);
    }

    private static async Task<Ok<UsageEntryDto>> Reverse(HttpContext http, ISender sender, Guid id, ReasonBody body, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ReverseUsageCommand(http.User.ToCaller(), id, body.Reason), ct));

    private static async Task<Ok<UsageListDto>> ListUsage(HttpContext http, ISender sender, string? month, string? consumer, string? service,
        CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListUsageQuery(http.User.ToCaller(), month, consumer, service), ct));

    private static async Task<Ok<AccountingPeriodDto>> Close(HttpContext http, ISender sender, string month, string? company,
        CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ClosePeriodCommand(http.User.ToCaller(), month, company), ct));

    private static async Task<Ok<IReadOnlyList<AccountingPeriodDto>>> Periods(HttpContext http, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListPeriodsQuery(http.User.ToCaller()), ct));

    private static async Task<Ok<IReadOnlyList<CostAllocationSettingDto>>> Settings(HttpContext http, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetCostAllocationSettingsQuery(http.User.ToCaller()), ct));

    private static async Task<Ok<CostAllocationSettingDto>> SetSetting(HttpContext http, ISender sender, CostAllocationBody body,
        CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new SetCostAllocationCommand(http.User.ToCaller(), body.Company, body.Mode), ct));

    private static async Task<IResult> InternalCosts(HttpContext http, ISender sender, string? from, string? to, CancellationToken ct)
    {
        var report = await sender.Send(new GetInternalCostsQuery(http.User.ToCaller(), from, to), ct);
        return FinanceEndpoints.WantsCsv(http) ? TypedResults.Text(InternalCostsCsv.Write(report), "text/csv") : TypedResults.Ok(report);
    }

    private static async Task<Ok<CostCentreStatementDto>> Statement(HttpContext http, ISender sender, string code, string? month,
        CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetCostCentreStatementQuery(http.User.ToCaller(), code, month), ct));

    private static async Task<Ok<CostCentreStatementDto>> Accept(HttpContext http, ISender sender, string code, MonthBody body,
        CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new AcceptStatementCommand(http.User.ToCaller(), code, body.Month), ct));

    private static async Task<Results<Created<DisputeDto>, Ok<DisputeDto>>> Dispute(HttpContext http, ISender sender, Guid id, ReasonBody body,
        CancellationToken ct)
    {
        var result = await sender.Send(new DisputeStatementLineCommand(http.User.ToCaller(), id, body.Reason), ct);
        return result.Created ? TypedResults.Created($"/api/disputes?status=open", result.Dispute) : TypedResults.Ok(result.Dispute);
    }

    private static async Task<Ok<IReadOnlyList<DisputeDto>>> Disputes(HttpContext http, ISender sender, string? status, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListDisputesQuery(http.User.ToCaller(), status), ct));

    private static async Task<Ok<DisputeDto>> Resolve(HttpContext http, ISender sender, Guid id, ResolveBody body, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ResolveDisputeCommand(http.User.ToCaller(), id, body.Outcome, body.Amount, body.Reason), ct));
}

public sealed record InternalServiceBody(string? Id, string? Name, string? Unit, string? Description, bool? Active, decimal? UnitRate,
    DateOnly? From)
{
    public InternalServiceInput ToInput() => new(Name, Unit, Description, Active);
}

public sealed record ServiceRateBody(decimal? UnitRate, DateOnly? From, string? Consumer);

public sealed record UsageBody(string? Service, string? Consumer, decimal? Quantity, DateOnly? Date, string? Reference, string? Note);

public sealed record MonthBody(string? Month);

public sealed record CostAllocationBody(string? Company, string? Mode);

public sealed record ResolveBody(string? Outcome, decimal? Amount, string? Reason);

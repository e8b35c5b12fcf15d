using InternalStore.Api.Auth;
using InternalStore.Application.Common;
using InternalStore.Application.Subscriptions;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace InternalStore.Api.Endpoints;

public static class SubscriptionEndpoints
{
    public static IEndpointRouteBuilder MapSubscriptionEndpoints(this IEndpointRouteBuilder app)
    {
        var plans = app.MapGroup("/api/service-plans").WithTags("Subscriptions");
        plans.MapGet("/", ListPlans).RequireAuthorization(Policies.Person)
            .WithSummary("Service plans on offer; an employee sees their price per period, the first charge and its pay date.");
        plans.MapGet("/{id}", GetPlan).RequireAuthorization(Policies.Person).WithSummary("One service plan.");
        plans.MapPost("/", CreatePlan).RequireAuthorization(Policies.Catalog)
            .WithSummary("Create a plan on a service product (the same id and terms again replays).");
        plans.MapPut("/{id}", UpdatePlan).RequireAuthorization(Policies.Catalog)
            .WithSummary("Change a plan's terms; a new price reaches existing subscribers from the first period after the notice.");

        var subscriptions = app.MapGroup("/api/subscriptions").WithTags("Subscriptions");
        subscriptions.MapPost("/", Subscribe).RequireAuthorization(Policies.Employee)
            .WithSummary("Subscribe to a plan (Idempotency-Key required): service starts tomorrow, the first period is prorated.");
        subscriptions.MapGet("/", List).RequireAuthorization(Policies.EmployeeOrHr)
            .WithSummary("Your subscriptions; HR: those of your companies' employees (plan, status, employee).");
        subscriptions.MapGet("/{id:guid}", Get).RequireAuthorization(Policies.EmployeeOrHr).WithSummary("One subscription with its charges.");
        subscriptions.MapPost("/{id:guid}/cancel", Cancel).RequireAuthorization(Policies.EmployeeOrHr)
            .WithSummary("Cancel at the end of the period (default) or at once where the plan allows, with a reason (owner, HR).");
        subscriptions.MapPost("/{id:guid}/pause", Pause).RequireAuthorization(Policies.Employee)
            .WithSummary("Stop charging from the next period (owner, where the plan allows).");
        subscriptions.MapPost("/{id:guid}/resume", Resume).RequireAuthorization(Policies.Employee)
            .WithSummary("Charge again from the next period (owner).");

        var finance = app.MapGroup("/api/finance/subscription-charges").WithTags("Finance").RequireAuthorization(Policies.Finance);
        finance.MapGet("/", Charges)
            .WithSummary("A pay date's subscription charges (period=YYYY-MM-DD) with a total per plan; Accept: text/csv gives CSV.")
            .Produces<SubscriptionChargesDto>().Produces<string>(200, "text/csv");
        finance.MapPost("/", Bill)
            .WithSummary("Run the billing of a pay date (period=YYYY-MM-DD, up to the next pay date): once per subscription, however often it runs.");
        return app;
    }

    private static async Task<Ok<IReadOnlyList<ServicePlanDto>>> ListPlans(HttpContext http, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListServicePlansQuery(http.User.ToCaller()), ct));

    private static async Task<Ok<ServicePlanDto>> GetPlan(HttpContext http, ISender sender, string id, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetServicePlanQuery(http.User.ToCaller(), id), ct));

    private static async Task<Results<Created<ServicePlanDto>, Ok<ServicePlanDto>>> CreatePlan(HttpContext http, ISender sender,
        ServicePlanBody body, CancellationToken ct)
    {
        var result = await sender.Send(new CreateServicePlanCommand(http.User.ToCaller(), body.Id, body.ToInput()), ct);
        return result.Created
            ? TypedResults.Created($"/api/service-plans/{Uri.EscapeDataString(result.Plan.Id)}", result.Plan)
            : TypedResults.Ok(result.Plan);
    }

    private static async Task<Ok<ServicePlanDto>> UpdatePlan(HttpContext http, ISender sender, string id, ServicePlanBody body,
        CancellationToken ct) =>
        TypedResults.Ok((await sender.Send(new UpdateServicePlanCommand(http.User.ToCaller(), id, body.ToInput()), ct)).Plan);

    private static async Task<Results<Created<SubscriptionDto>, Ok<SubscriptionDto>>> Subscribe(HttpContext http, ISender sender,
        SubscribeBody body, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, CancellationToken ct)
    {
        var result = await sender.Send(new SubscribeCommand(http.User.ToCaller(), idempotencyKey, body.Plan), ct);
        return result.Created
            ? TypedResults.Created($"/api/subscriptions/{result.Subscription.Id}", result.Subscription)
            : TypedResults.Ok(result.Subscription);
    }

    private static async Task<Ok<Page<SubscriptionDto>>> List(HttpContext http, ISender sender, string? plan, string? status,
        string? employee, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListSubscriptionsQuery(http.User.ToCaller(), plan, status, employee, page ?? 1,
            pageSize ?? Paging.DefaultPageSize), ct));

    private static async Task<Ok<SubscriptionDto>> Get(HttpContext http, ISender sender, Guid id, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetSubscriptionQuery(http.User.ToCaller(), id), ct));

    private static async Task<Ok<SubscriptionDto>> Cancel(HttpContext http, ISender sender, Guid id, CancelBody body,
        CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new CancelSubscriptionCommand(http.User.ToCaller(), id, body.AtPeriodEnd, body.Reason), ct));

    private static async Task<Ok<SubscriptionDto>> Pause(HttpContext http, ISender sender, Guid id, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new PauseSubscriptionCommand(http.User.ToCaller(), id, Pause: true), ct));

    private static async Task<Ok<SubscriptionDto>> Resume(HttpContext http, ISender sender, Guid id, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new PauseSubscriptionCommand(http.User.ToCaller(), id, Pause: false), ct));

    private static async Task<IResult> Charges(HttpContext http, ISender sender, DateOnly? period, CancellationToken ct)
    {
        var charges = await sender.Send(new ListSubscriptionChargesQuery(http.User.ToCaller(), period), ct);
        return FinanceEndpoints.WantsCsv(http)
            ? TypedResults.Text(SubscriptionCsv.Charges(charges), "text/csv")
            : TypedResults.Ok(charges);
    }

    private static async Task<Ok<BillingRunDto>> Bill(HttpContext http, ISender sender, DateOnly? period, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new BillSubscriptionsCommand(http.User.ToCaller(), period), ct));
}

public sealed record ServicePlanBody(string? Id, string? Name, string? Sku, string? Provider, string? Period, decimal? PricePerPeriod,
    decimal? CostPerPeriod, int? MinimumTermPeriods, int? NoticeDays, bool? AfterProbationOnly, IReadOnlyList<string>? Companies,
    DateOnly? EnrolmentOpens, DateOnly? EnrolmentCloses, bool? AllowsPause, bool? AllowsImmediateCancel, bool? Active)
{
    public ServicePlanInput ToInput() => new(Name, Sku, Provider, Period, PricePerPeriod, CostPerPeriod, MinimumTermPeriods, NoticeDays,
        AfterProbationOnly, Companies, EnrolmentOpens, EnrolmentCloses, AllowsPause, AllowsImmediateCancel, Active);
}

public sealed record SubscribeBody(string? Plan);

public sealed record CancelBody(bool? AtPeriodEnd, string? Reason);

using InternalStore.Api.Auth;
using InternalStore.Application.Notifications;
using InternalStore.Application.Support;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace InternalStore.Api.Endpoints;

/// <summary>The help desk: cases opened by buyers, answered by their company's teams within business-hour targets.</summary>
public static class SupportEndpoints
{
    public static IEndpointRouteBuilder MapSupportEndpoints(this IEndpointRouteBuilder app)
    {
        var cases = app.MapGroup("/api/cases").WithTags("Help desk");
        cases.MapPost("/", Open).RequireAuthorization(Policies.Buyer)
            .WithSummary("Open a case (Idempotency-Key required) with a category, a subject, a message and links to your own orders, deductions...");
        cases.MapGet("/", List).RequireAuthorization(Policies.CaseParty)
            .WithSummary("Your cases; staff: your teams' queues in your companies, due first (state=, assignee=, due=breached|today).");
        cases.MapGet("/{id:guid}", Get).RequireAuthorization(Policies.CaseParty).WithSummary("One case with its messages and targets.");
        cases.MapPost("/{id:guid}/messages", Message).RequireAuthorization(Policies.CaseParty)
            .WithSummary("Reply (the requester's reply reopens a pending or solved case); staff may write an internal note.");
        cases.MapPost("/{id:guid}/assign", Assign).RequireAuthorization(Policies.SupportStaff).WithSummary("Give the case to a member of its team.");
        cases.MapPost("/{id:guid}/state", State).RequireAuthorization(Policies.SupportStaff)
            .WithSummary("Move the case: open, pending (the clock stops), onHold, solved, closed (from solved).");
        cases.MapGet("/{id:guid}/context", Context).RequireAuthorization(Policies.SupportStaff)
            .WithSummary("For the case's team: the linked orders' price explanations, policy versions and payment schedules, the requester's allowance and its uses, linked statement lines and their disputes, and the actions open to you.");
        cases.MapPost("/{id:guid}/actions", Act).RequireAuthorization(Policies.SupportStaff)
            .WithSummary("Take an action on what the case links (refund, cancel, move-instalment, credit-statement-line, uphold-dispute): the store's own command, its reason naming the case, noted on the case.");
        cases.MapPost("/{id:guid}/rating", Rate).RequireAuthorization(Policies.Buyer).WithSummary("Rate a solved case 1 to 5 (its requester).");

        app.MapGet("/api/support/report", Report).WithTags("Help desk").RequireAuthorization(Policies.SupportStaff)
            .WithSummary("Volume by company and category, target attainment, satisfaction and top causes (from=, to= YYYY-MM-DD; default the last 30 days).");

        app.MapGet("/api/me/notifications", Notifications).WithTags("Notifications").RequireAuthorization(Policies.Person)
            .WithSummary("Your notifications (receipts, refunds, deduction changes, offers, subscription charges, case updates), newest first (limit=, before=).");

        var calendars = app.MapGroup("/api/support/calendars").WithTags("Help desk").RequireAuthorization(Policies.SupportStaff);
        calendars.MapGet("/{company}", GetCalendar).WithSummary("A company's business calendar for support targets.");
        calendars.MapPut("/{company}", SetCalendar).WithSummary("Set a company's working days, hours, time zone and holidays.");
        return app;
    }

    private static async Task<Results<Created<CaseDto>, Ok<CaseDto>>> Open(HttpContext http, ISender sender, OpenCaseBody body,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, CancellationToken ct)
    {
        var result = await sender.Send(new OpenCaseCommand(http.User.ToCaller(), idempotencyKey, body.Category, body.Priority, body.Subject,
            body.Message, body.Links), ct);
        return result.Created ? TypedResults.Created($"/api/cases/{result.Case.Id}", result.Case) : TypedResults.Ok(result.Case);
    }

    private static async Task<Ok<IReadOnlyList<CaseDto>>> List(HttpContext http, ISender sender, string? state, string? assignee, string? due,
        CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListCasesQuery(http.User.ToCaller(), state, assignee, due), ct));

    private static async Task<Ok<CaseDto>> Get(HttpContext http, ISender sender, Guid id, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetCaseQuery(http.User.ToCaller(), id), ct));

    private static async Task<Ok<CaseDto>> Message(HttpContext http, ISender sender, Guid id, CaseMessageBody body, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new AddCaseMessageCommand(http.User.ToCaller(), id, body.Text, body.Internal), ct));

    private static async Task<Ok<CaseDto>> Assign(HttpContext http, ISender sender, Guid id, AssignBody body, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new AssignCaseCommand(http.User.ToCaller(), id, body.To), ct));

    private static async Task<Ok<CaseDto>> State(HttpContext http, ISender sender, Guid id, CaseStateBody body, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ChangeCaseStateCommand(http.User.ToCaller(), id, body.State), ct));

    private static async Task<Ok<CaseContextDto>> Context(HttpContext http, ISender sender, Guid id, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetCaseContextQuery(http.User.ToCaller(), id), ct));

    private static async Task<Ok<CaseActionResult>> Act(HttpContext http, ISender sender, Guid id, CaseActionBody body,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new CaseActionCommand(http.User.ToCaller(), id, idempotencyKey, body.Action, body.Order, body.From, body.To,
            body.Line, body.Amount, body.Reason, body.Lines), ct));

    private static async Task<Ok<CaseDto>> Rate(HttpContext http, ISender sender, Guid id, RatingBody body, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new RateCaseCommand(http.User.ToCaller(), id, body.Score), ct));

    private static async Task<Ok<SupportReportDto>> Report(HttpContext http, ISender sender, string? from, string? to, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetSupportReportQuery(http.User.ToCaller(), from, to), ct));

    private static async Task<Ok<IReadOnlyList<NotificationDto>>> Notifications(HttpContext http, ISender sender, string? limit, string? before,
        CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListMyNotificationsQuery(http.User.ToCaller(), limit, before), ct));

    private static async Task<Ok<SupportCalendarDto>> GetCalendar(HttpContext http, ISender sender, string company, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetSupportCalendarQuery(http.User.ToCaller(), company), ct));

    private static async Task<Ok<SupportCalendarDto>> SetCalendar(HttpContext http, ISender sender, string company, CalendarBody body,
        CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new SetSupportCalendarCommand(http.User.ToCaller(), company, body.TimeZone, body.WorkingDays, body.Opens,
            body.Closes, body.Holidays), ct));
}

public sealed record OpenCaseBody(string? Category, string? Priority, string? Subject, string? Message, IReadOnlyList<CaseLinkInput>? Links);

public sealed record CaseActionBody(string? Action, Guid? Order, string? From, string? To, Guid? Line, decimal? Amount, string? Reason,
    IReadOnlyList<Application.Checkout.RefundLineRequest>? Lines);

public sealed record CaseMessageBody(string? Text, bool? Internal);

public sealed record AssignBody(string? To);

public sealed record CaseStateBody(string? State);

public sealed record RatingBody(int? Score);

public sealed record CalendarBody(string? TimeZone, IReadOnlyList<string?>? WorkingDays, string? Opens, string? Closes, IReadOnlyList<DateOnly>? Holidays);

using InternalStore.Api.Auth;
using InternalStore.Api.OpenApi;
using InternalStore.Application.Common;
using InternalStore.Application.People;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InternalStore.Api.Endpoints;

public static class PeopleEndpoints
{
    public static IEndpointRouteBuilder MapPeopleEndpoints(this IEndpointRouteBuilder app)
    {
        var employees = app.MapGroup("/api/employees").WithTags("People").RequireAuthorization(Policies.Hr);
        employees.MapGet("/", ListEmployees)
            .WithSummary("The roster of the caller's company and the companies below it.");
        employees.MapGet("/{id}", GetEmployee).WithSummary("One employee of the caller's company or those below it.");
        // No Accepts("text/csv") metadata: it makes routing answer 415 before authentication answers 401.
        // The body is read as CSV whatever its declared type; a body that is not a roster is a 400 naming why.
        employees.MapPost("/import", Import)
            .WithRawRequestBody("text/csv", "The roster, UTF-8 CSV with a header row: id,name,email,company,costCenter,grade,hireDate,status,"
                + "terminationDate, in any order; other columns are ignored.")
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(RequestLimits.MaxImportBytes))
            .WithSummary("Upsert employees from CSV; any invalid row applies nothing unless skipInvalid=true. dryRun=true only checks.");
        employees.MapPut("/{id}", UpdateEmployee)
            .WithSummary("Change grade, cost centre, status and dates; prices follow from the next quote. Audited.");
        employees.MapPost("/{id}/move", MoveEmployee)
            .WithSummary("Move to a sister company (HR of both): its policy prices them now, their subscriptions from the next period. Audited.");
        employees.MapGet("/{id}/audit", EmployeeAudit).WithSummary("Who changed which field of the record, when.");

        app.MapGet("/api/companies", ListCompanies).WithTags("People").RequireAuthorization(Policies.Person)
            .WithSummary("The group's companies and their cost centres.");
        return app;
    }

    private static async Task<Ok<Page<EmployeeDto>>> ListEmployees(HttpContext http, ISender sender, string? company,
        string? status, string? q, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListEmployeesQuery(http.User.ToCaller(), company, status, q, page ?? 1,
            pageSize ?? Paging.DefaultPageSize), ct));

    private static async Task<Ok<EmployeeDto>> GetEmployee(HttpContext http, ISender sender, string id,
        CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetEmployeeQuery(http.User.ToCaller(), id), ct));

    /// <summary>A rejected file is 400 problem details naming each problem by line and column, with the report.</summary>
    private static async Task<Results<Ok<ImportReport>, ValidationProblem>> Import(HttpContext http, ISender sender,
        bool? dryRun, bool? skipInvalid, CancellationToken ct)
    {
        var report = await sender.Send(new ImportEmployeesCommand(http.User.ToCaller(), http.Request.Body, dryRun ?? false,
            skipInvalid ?? false), ct);
        if (report.Problems.Count == 0 || report.Applied)
            return TypedResults.Ok(report);
        var errors = report.Problems.GroupBy(p => $"line {p.Line}" + (p.Column.Length > 0 ? $": {p.Column}" : ""))
            .ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray());
        return TypedResults.ValidationProblem(errors, $"{report.Invalid} line(s) have problems; nothing was imported.",
            title: "The roster file is not valid.", extensions: new Dictionary<string, object?> { ["code"] = "validation", ["report"] = report });
    }

    private static async Task<Ok<EmployeeDto>> UpdateEmployee(HttpContext http, ISender sender, string id,
        EmployeeInput request, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new UpdateEmployeeCommand(http.User.ToCaller(), id, request), ct));

    private static async Task<Ok<EmployeeDto>> MoveEmployee(HttpContext http, ISender sender, string id, MoveEmployeeBody body,
        CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new MoveEmployeeCommand(http.User.ToCaller(), id, body.Company, body.CostCenter), ct));

    private static async Task<Ok<IReadOnlyList<EmployeeAuditDto>>> EmployeeAudit(HttpContext http, ISender sender, string id,
        CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetEmployeeAuditQuery(http.User.ToCaller(), id), ct));

    private static async Task<Ok<IReadOnlyList<CompanyDto>>> ListCompanies(HttpContext http, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListCompaniesQuery(http.User.ToCaller()), ct));
}

public sealed record MoveEmployeeBody(string? Company, string? CostCenter);

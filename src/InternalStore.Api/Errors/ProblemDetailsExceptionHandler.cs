using System.Text.Json;
using FluentValidation;
using InternalStore.Application.Authority;
using InternalStore.Application.Checkout;
using InternalStore.Application.Common;
using InternalStore.Domain.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace InternalStore.Api.Errors;

/// <summary>
/// Turns every exception into RFC 9457 problem details with a stable <c>code</c>. Client mistakes
/// become 4xx with the field named; anything else is a 500 without internals.
/// </summary>
public sealed partial class ProblemDetailsExceptionHandler(
    IProblemDetailsService problemDetails,
    ILogger<ProblemDetailsExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception,
        CancellationToken cancellationToken)
    {
        if (exception is PaymentProviderException or PaymentProviderUnavailableException)
            LogUnhandled(exception, httpContext.Request.Method, httpContext.Request.Path);
        var problem = exception switch
        {
            ValidationException validation => FromValidation(validation),
            DomainValidationException domain => Problem(400, domain.Code, "The request is not valid.", domain.Message,
                new Dictionary<string, string[]> { [domain.Field] = [domain.Message] }),
            BadHttpRequestException bad => FromBadRequest(bad),
            NotFoundException notFound => Problem(404, "not-found", "Not found.", notFound.Message),
            ForbiddenException forbidden => Problem(403, "forbidden", "Forbidden.", forbidden.Message),
            Domain.Negotiation.FourEyesException fourEyes => Problem(403, "four-eyes", "Forbidden.", fourEyes.Message),
            UnknownOrganisationException unknown => UnknownOrganisation(unknown),
            ConflictException conflict => Problem(409, conflict.Code, "Conflict.", conflict.Message),
            IdempotencyKeyReusedException reused => Problem(422, "idempotency-key-reused",
                "Idempotency key reused.", reused.Message),
            PaymentDeclinedException declined => Problem(402, "payment-failed", "Payment failed.", declined.Message),
            PaymentProviderUnavailableException unavailable => Unavailable(httpContext, unavailable),
            PaymentProviderException => Problem(502, "payment-provider-error", "Payment provider error.",
                "The payment provider refused a request of this store; nothing was charged. Quote the traceId when reporting it."),
            WebhookSignatureException signature => Problem(400, "invalid-signature", "Webhook not accepted.", signature.Message),
            ArgumentException argument => Problem(400, "validation", "The request is not valid.", argument.Message),
            _ => null,
        };

        if (problem is null)
        {
            LogUnhandled(exception, httpContext.Request.Method, httpContext.Request.Path);
            problem = Problem(500, "internal-error", "An unexpected error occurred.",
                "The server could not complete the request. Quote the traceId when reporting it.");
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private static ProblemDetails UnknownOrganisation(UnknownOrganisationException unknown)
    {
        var problem = Problem(403, "unknown-organisation", "The token names no part of the organisation you may act for.",
            unknown.Message, new Dictionary<string, string[]> { [unknown.Claim] = [unknown.Message] });
        problem.Extensions["claim"] = unknown.Claim;
        return problem;
    }

    private static ProblemDetails Unavailable(HttpContext http, PaymentProviderUnavailableException unavailable)
    {
        http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(unavailable.RetryAfter.TotalSeconds)).ToString(
            System.Globalization.CultureInfo.InvariantCulture);
        return Problem(503, "payment-provider-unavailable", "Payment provider unavailable.", unavailable.Message);
    }

    private static ProblemDetails FromValidation(ValidationException validation)
    {
        var errors = validation.Errors
            .GroupBy(e => FieldName(e.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray());
        var code = validation.Errors.Select(e => e.ErrorCode).FirstOrDefault(IsStableCode) ?? "validation";
        var detail = string.Join(" ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"));
        return Problem(400, code, "The request is not valid.", detail, errors);
    }

    private static ProblemDetails FromBadRequest(BadHttpRequestException bad)
    {
        if (bad.InnerException is JsonException json)
        {
            var field = string.IsNullOrEmpty(json.Path) || json.Path == "$" ? "body" : FieldName(json.Path.TrimStart('$', '.'));
            var message = $"The value at '{json.Path ?? "$"}' is not valid JSON of the expected type.";
            return Problem(400, "validation", "The request body is not valid.", message,
                new Dictionary<string, string[]> { [field] = [message] });
        }

        var status = bad.StatusCode is >= 400 and < 500 ? bad.StatusCode : 400;
        // The framework's binding failures name the parameter: 'Failed to bind parameter "Nullable<int> page" from "abc".'
        if (BoundParameter().Match(bad.Message) is { Success: true } bound)
        {
            var name = bound.Groups["name"].Value;
            var message = bad.Message.StartsWith("Required", StringComparison.Ordinal)
                ? $"{name} is required."
                : $"'{Shorten(bound.Groups["value"].Value)}' is not a valid {Friendly(bound.Groups["type"].Value)} for {name}.";
            return Problem(status, "validation", "The request is not valid.", message,
                new Dictionary<string, string[]> { [name] = [message] });
        }

        return Problem(status, "validation", "The request is not valid.", bad.Message);
    }

    [System.Text.RegularExpressions.GeneratedRegex("""parameter "(?<type>[^"]*?) ?(?<name>[A-Za-z_][A-Za-z0-9_]*)"(?: from "(?<value>.*)")?""",
        System.Text.RegularExpressions.RegexOptions.Singleline)]
    private static partial System.Text.RegularExpressions.Regex BoundParameter();

    private static string Friendly(string type) => type.Replace("Nullable<", "", StringComparison.Ordinal).TrimEnd('>') switch
    {
        "int" or "Int32" or "long" => "whole number",
        "decimal" => "number",
        "DateOnly" => "date (YYYY-MM-DD)",
        "bool" or "Boolean" => "true or false",
        "Guid" => "id",
        var other => other,
    };

    private static string Shorten(string value) => value.Length > 40 ? value[..40] + "..." : value;

    /// <summary>Codes that FluentValidation rules set on purpose (ours are kebab-case); its own are PascalCase.</summary>
    private static bool IsStableCode(string? code) =>
        !string.IsNullOrEmpty(code) && code.All(c => char.IsLower(c) || c == '-');

    /// <summary>
    /// FluentValidation says <c>Lines[0].Quantity</c>; the JSON field is <c>lines[0].quantity</c>.
    /// Header names (<c>Idempotency-Key</c>) stay as they are.
    /// </summary>
    private static string FieldName(string propertyName) => propertyName.Contains('-', StringComparison.Ordinal)
        ? propertyName
        : string.Join('.', propertyName.Split('.').Select(part =>
            part.Length > 0 && char.IsUpper(part[0]) ? char.ToLowerInvariant(part[0]) + part[1..] : part));

    private static ProblemDetails Problem(int status, string code, string title, string detail,
        IDictionary<string, string[]>? errors = null)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        problem.Extensions["code"] = code;
        if (errors is not null)
            problem.Extensions["errors"] = errors;
        return problem;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception on {Method} {Path}")]
    private partial void LogUnhandled(Exception exception, string method, PathString path);
}

using System.Diagnostics;

namespace InternalStore.Api.Errors;

public static class ProblemDetailsSetup
{
    private static readonly Dictionary<int, (string Code, string Title)> ByStatus = new()
    {
        [400] = ("validation", "The request is not valid."),
        [401] = ("unauthorized", "Authentication is required."),
        [403] = ("forbidden", "Forbidden."),
        [404] = ("not-found", "Not found."),
        [405] = ("method-not-allowed", "Method not allowed."),
        [409] = ("invalid-state", "Conflict."),
        [413] = ("payload-too-large", "The request body is too large."),
        [415] = ("unsupported-media-type", "Unsupported media type."),
        [429] = ("rate-limited", "Too many requests."),
    };

    /// <summary>Problem details for every error, including bare status codes such as 401 and 403.</summary>
    public static IServiceCollection AddStoreProblemDetails(this IServiceCollection services)
    {
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        // First: the problem details service asks its writers in order, and SCIM's own format wins under /scim.
        services.AddSingleton<IProblemDetailsWriter, Scim.ScimErrorWriter>();
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            var status = problem.Status ?? context.HttpContext.Response.StatusCode;
            problem.Instance ??= context.HttpContext.Request.Path;
            if (ByStatus.TryGetValue(status, out var known))
            {
                problem.Extensions.TryAdd("code", known.Code);
                if (string.IsNullOrEmpty(problem.Title) || problem.Title == "Unauthorized" || problem.Title == "Forbidden")
                    problem.Title = known.Title;
            }

            problem.Extensions.TryAdd("traceId", Activity.Current?.Id ?? context.HttpContext.TraceIdentifier);
        });
        return services;
    }
}

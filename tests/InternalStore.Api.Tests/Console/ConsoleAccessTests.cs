using System.Net;
using InternalStore.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace InternalStore.Api.Tests.Console;

/// <summary>
/// Every console page (discovered from the app, so a new page without a rule fails) for every demo
/// identity: HR, finance and catalog each open their own area; employees and buyers get 403 everywhere.
/// </summary>
public sealed class ConsoleAccessTests(SqliteStoreFactory store) : IClassFixture<SqliteStoreFactory>
{
    private static readonly Dictionary<string, string[]> AreaRoles = new(StringComparer.Ordinal)
    {
        ["/console/hr"] = ["hr"],
        ["/console/finance"] = ["finance"],
        ["/console/catalog"] = ["catalog"],
        ["/console/services"] = ["service-provider"],
        ["/console/support"] = ["catalog", "hr", "finance"], // the help desk's teams
    };

    private static readonly (string Subject, string Role)[] People =
        [("H9001", "hr"), ("F9001", "finance"), ("C9001", "catalog"), ("E1001", "employee"), ("D1200", "department-buyer"),
         ("S4100", "service-provider")];

    private IEnumerable<string> ConsolePages() => store.Services.GetRequiredService<EndpointDataSource>().Endpoints
        .OfType<RouteEndpoint>()
        .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
        .Where(p => p.StartsWith("/console", StringComparison.Ordinal) && p is not ("/console/sign-in" or "/console/sign-out"))
        .Distinct().Order(StringComparer.Ordinal);

    private static string Url(string pattern) => pattern
        .Replace("{id:guid}", "00000000-0000-0000-0000-000000000001", StringComparison.Ordinal)
        .Replace("{id}", "E1001", StringComparison.Ordinal)
        .Replace("{sku}", "LAP-13", StringComparison.Ordinal);

    [Fact]
    public async Task Each_role_opens_its_own_area_and_nobody_else_opens_any_page()
    {
        Assert.True(ConsolePages().Count() >= 15, string.Join(", ", ConsolePages()));
        var failures = new List<string>();
        foreach (var (subject, role) in People)
        {
            using var session = await ConsoleSession.SignInAsync(store, subject);
            foreach (var page in ConsolePages())
            {
                var area = AreaRoles.Keys.FirstOrDefault(a => page.StartsWith(a, StringComparison.Ordinal));
                var allowed = area is null ? role is "hr" or "finance" or "catalog" or "service-provider" : AreaRoles[area].Contains(role);
                using var response = await session.Client.GetAsync(Url(page));
                var status = (int)response.StatusCode;
                // Allowed: the page (or its 404 for the made-up id); refused: 403 with a page saying so.
                var ok = allowed ? status is 200 or 404 : status == 403;
                if (!ok)
                    failures.Add($"{page} as {subject} ({role}): {status}, expected {(allowed ? "200/404" : "403")}");
                if (!allowed && !(await response.Content.ReadAsStringAsync()).Contains("Not allowed", StringComparison.Ordinal))
                    failures.Add($"{page} as {subject}: the 403 is not the console's page");
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task Without_a_session_every_page_sends_the_browser_to_sign_in_and_back()
    {
        using var client = store.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        foreach (var page in ConsolePages())
        {
            using var response = await client.GetAsync(Url(page));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/console/sign-in", response.Headers.Location!.AbsolutePath);
            Assert.Contains("ReturnUrl=", response.Headers.Location.Query, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_form_without_its_antiforgery_token_is_refused()
    {
        using var session = await ConsoleSession.SignInAsync(store, "F9001");
        using var response = await session.Client.PostAsync("/console/finance/transfer-pricing",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["DefaultMarkupPercent"] = "99", ["IntercompanyMarkupPercent"] = "1" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await session.Client.GetStringAsync("/console/finance/transfer-pricing");
        Assert.DoesNotContain("value=\"99\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_in_returns_only_to_console_pages()
    {
        using var client = store.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var session = new ConsoleSession(client);
        using var evil = await session.PostFormAsync("/console/sign-in", "/console/sign-in?handler=Demo",
            new() { ["subject"] = "H9001", ["returnUrl"] = "https://evil.example/phish" });
        using var good = await session.PostFormAsync("/console/sign-in", "/console/sign-in?handler=Demo",
            new() { ["subject"] = "H9001", ["returnUrl"] = "/console/hr/people" });

        Assert.Equal("/console", evil.Headers.Location!.OriginalString);
        Assert.Equal("/console/hr/people", good.Headers.Location!.OriginalString);
    }
}

using System.Net;
using System.Text.RegularExpressions;
using InternalStore.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace InternalStore.Api.Tests.Console;

/// <summary>A browser-like console session over HTTP: cookies, antiforgery tokens from the pages, no redirects followed.</summary>
public sealed partial class ConsoleSession(HttpClient client) : IDisposable
{
    public HttpClient Client { get; } = client;

    public static async Task<ConsoleSession> SignInAsync(StoreFactory store, string subject)
    {
        var session = new ConsoleSession(store.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));
        using var response = await session.PostFormAsync("/console/sign-in", "/console/sign-in?handler=Demo", new() { ["subject"] = subject });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return session;
    }

    /// <summary>Loads <paramref name="page"/> for its antiforgery token, then posts the form to <paramref name="action"/>.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string page, string action, Dictionary<string, string> fields)
    {
        var html = await Client.GetStringAsync(page);
        var token = AntiforgeryToken().Match(html);
        Assert.True(token.Success, $"{page} has no antiforgery token");
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value) };
        return await Client.PostAsync(action, new FormUrlEncodedContent(form));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    public void Dispose() => Client.Dispose();
}

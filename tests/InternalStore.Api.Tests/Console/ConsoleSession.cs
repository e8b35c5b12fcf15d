using System.Net;
using InternalStore.Api.Tests.Infrastructure;
using InternalStore.Load.Harness;
using Microsoft.AspNetCore.Mvc.Testing;

namespace InternalStore.Api.Tests.Console;

/// <summary>A browser-like console (or shop) session over HTTP: cookies, antiforgery tokens from the pages, no redirects followed.</summary>
public sealed class ConsoleSession(HttpClient client) : IDisposable
{
    public HttpClient Client { get; } = client;

    public static async Task<ConsoleSession> SignInAsync(StoreFactory store, string subject, string area = "/console")
    {
        var session = new ConsoleSession(store.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));
        using var response = await session.PostFormAsync($"{area}/sign-in", $"{area}/sign-in?handler=Demo", new() { ["subject"] = subject });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return session;
    }

    /// <summary>Loads <paramref name="page"/> for its antiforgery token, then posts the form to <paramref name="action"/>.</summary>
    public Task<HttpResponseMessage> PostFormAsync(string page, string action, Dictionary<string, string> fields) =>
        ConsoleTimings.PostFormAsync(Client, page, action, fields);

    public void Dispose() => Client.Dispose();
}

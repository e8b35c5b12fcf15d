using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using InternalStore.Api.Tests.Infrastructure;
using InternalStore.Application.Common;
using InternalStore.Application.Provisioning;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace InternalStore.Api.Tests.Scim;

/// <summary>An identity provider's side of SCIM: a token of one company and requests as Okta and Entra send them.</summary>
public sealed class ScimClient(HttpClient http, string token)
{
    public const string Users = "/scim/v2/Users";
    public const string MediaType = "application/scim+json";

    public string Token { get; } = token;
    public HttpClient Http { get; } = http;

    public static async Task<ScimClient> ForCompanyAsync(StoreFactory store, string company)
    {
        await using var scope = store.Services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<ISender>()
            .Send(new CreateScimTokenCommand(Caller.System, company, "tests"));
        return For(store, created.Secret);
    }

    public static ScimClient For(StoreFactory store, string token)
    {
        var http = store.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            BaseAddress = store.ClientOptions.BaseAddress,
        });
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return new ScimClient(http, token);
    }

    public Task<HttpResponseMessage> GetAsync(string url) => Http.GetAsync(url);

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, string json) =>
        Http.SendAsync(new HttpRequestMessage(method, url) { Content = new StringContent(json, Encoding.UTF8, MediaType) });

    public Task<HttpResponseMessage> FindAsync(string attribute, string value) =>
        Http.GetAsync($"{Users}?filter={Uri.EscapeDataString($"{attribute} eq \"{value}\"")}");

    public Task<HttpResponseMessage> PatchAsync(string id, string operations) =>
        SendAsync(HttpMethod.Patch, $"{Users}/{id}", $$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":{{operations}}}""");
}

public static class ScimAssertions
{
    public static async Task<JsonElement> AssertScimAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal(ScimClient.MediaType, response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body).RootElement;
    }

    /// <summary>SCIM's error format (RFC 7644 §3.12): the Error schema, the status as a string, a scimType where one applies, a detail.</summary>
    public static async Task<JsonElement> AssertScimErrorAsync(this HttpResponseMessage response, HttpStatusCode status, string? scimType = null)
    {
        var error = await response.AssertScimAsync(status);
        Assert.Equal(["urn:ietf:params:scim:api:messages:2.0:Error"], error.GetProperty("schemas").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture), error.GetProperty("status").GetString());
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("detail").GetString()));
        if (scimType is not null)
            Assert.Equal(scimType, error.GetProperty("scimType").GetString());
        Assert.DoesNotContain("   at ", error.ToString(), StringComparison.Ordinal);
        return error;
    }

    public static int Total(this JsonElement list) => list.GetProperty("totalResults").GetInt32();

    public static JsonElement Enterprise(this JsonElement user) =>
        user.GetProperty("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User");
}

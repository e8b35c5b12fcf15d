using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace InternalStore.Api.Tests.Infrastructure;

public static class HttpAssertions
{
    /// <summary>Asserts the status and that the body is RFC 9457 problem details with the given code.</summary>
    public static async Task<JsonElement> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status,
        string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.False(body.Contains("   at ", StringComparison.Ordinal), "A stack trace leaked: " + body);
        return problem;
    }

    /// <summary>Asserts a 400 whose <c>errors</c> map names the field.</summary>
    public static async Task<JsonElement> AssertValidationErrorAsync(this HttpResponseMessage response, string field,
        string code = "validation")
    {
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, code);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages),
            $"Expected an error for '{field}', got: {errors}");
        Assert.True(messages.GetArrayLength() > 0);
        return problem;
    }

    public static async Task<JsonElement> AssertJsonAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, object body) =>
        client.PostAsJsonAsync(url, body);
}

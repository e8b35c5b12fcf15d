using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace InternalStore.Api.Tests.Infrastructure;

/// <summary>What the tests that run the API as its own process share: its settings, tokens it accepts, clients.</summary>
public static class ProcessApi
{
    public static string Dll => Path.Combine(AppContext.BaseDirectory, "InternalStore.Api.dll");

    /// <summary>Production settings on the given database; with a Stripe fake, its keys and 1-second settlement workers.</summary>
    public static Dictionary<string, string> Environment(string provider, string connectionString, FakeStripe? stripe = null)
    {
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Database__Provider"] = provider,
            ["ConnectionStrings__Store"] = connectionString,
            ["Auth__SigningKey"] = StoreFactory.SigningKey,
            ["RateLimiting__PermitsPerMinute"] = "0",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        if (stripe is not null)
        {
            environment["Stripe__SecretKey"] = FakeStripe.SecretKey;
            environment["Stripe__WebhookSecret"] = FakeStripe.WebhookSecret;
            environment["Stripe__ApiBase"] = stripe.BaseUrl;
            environment["Stripe__WorkerIntervalSeconds"] = "1";
            environment["Stripe__ReconcileAfterSeconds"] = "1";
        }

        return environment;
    }

    public static HttpClient Client(Uri baseAddress, string token)
    {
        var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A POST with a fresh idempotency key.</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        return await client.SendAsync(request);
    }

    /// <summary>A token the API accepts (signed with the tests' key), as the company's identity provider would issue.</summary>
    public static string Token(string subject, string role, string company, string? costCenter = null)
    {
        var claims = new Dictionary<string, object> { ["sub"] = subject, ["role"] = role, ["company"] = company };
        if (costCenter is not null)
            claims["cost_center"] = costCenter;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Claims = claims,
            Issuer = "internalstore",
            Audience = "internalstore",
            Expires = DateTime.UtcNow.AddHours(1),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(StoreFactory.SigningKey)),
                SecurityAlgorithms.HmacSha256),
        });
    }

    public static string EmployeeToken(string employee) => Token(employee, "employee", employee[1] == '2' ? "XYZ" : "ABC");
}

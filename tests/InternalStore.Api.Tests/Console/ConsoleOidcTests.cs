using System.Net;
using InternalStore.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace InternalStore.Api.Tests.Console;

/// <summary>The store with the console signing people in at the company's OpenID Connect provider (no demo sign-in).</summary>
public sealed class OidcStoreFactory : SqliteStoreFactory
{
    // Started before the host is built: the host reads the provider's address from its settings.
    public FakeOidcProvider Idp { get; } = FakeOidcProvider.StartAsync().GetAwaiter().GetResult();

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Console:DemoSignIn"] = "false",
        ["Auth:Oidc:Authority"] = Idp.Authority,
        ["Auth:Oidc:ClientId"] = FakeOidcProvider.ClientId,
        ["Auth:Oidc:ClientSecret"] = FakeOidcProvider.ClientSecret,
        ["Auth:Oidc:RequireHttpsMetadata"] = "false",
    };

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Idp.DisposeAsync();
    }
}

public sealed class ConsoleOidcTests(OidcStoreFactory store) : IClassFixture<OidcStoreFactory>
{
    /// <summary>Follows the browser's redirects: the app through the test client, the provider over loopback.</summary>
    private async Task<(HttpClient App, HttpResponseMessage Last)> SignInAsync(string page)
    {
        var app = store.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        using var outside = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var response = await app.GetAsync(page);
        for (var hops = 0; hops < 10 && response.StatusCode == HttpStatusCode.Redirect; hops++)
        {
            var location = response.Headers.Location!;
            response = location.IsAbsoluteUri && location.Authority != "localhost"
                ? await outside.GetAsync(location)
                : await app.GetAsync(location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString);
        }

        return (app, response);
    }

    [Fact]
    public async Task A_person_signs_in_at_the_company_provider_with_pkce_and_lands_on_the_page_they_asked_for()
    {
        store.Idp.NextUser = new() { ["sub"] = "H7777", ["role"] = "hr", ["company"] = "ABC" };

        var (app, page) = await SignInAsync("/console/hr/people");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<h1>People</h1>", html, StringComparison.Ordinal);
        Assert.Contains("H7777 (hr)", html, StringComparison.Ordinal);
        Assert.Contains("authorization_code", store.Idp.TokenRequests);
        // The session is the console's own cookie: the next page needs no trip to the provider.
        using var again = await app.GetAsync("/console/hr/policies");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        using var finance = await app.GetAsync("/console/finance/chargebacks");
        Assert.Equal(HttpStatusCode.Forbidden, finance.StatusCode);
    }

    [Fact]
    public async Task Buyers_sign_in_to_the_shop_at_the_same_provider_with_their_claims()
    {
        store.Idp.NextUser = new() { ["sub"] = "E1001", ["role"] = "employee", ["company"] = "ABC" };
        var (employee, catalog) = await SignInAsync("/shop/cart");
        Assert.Equal(HttpStatusCode.OK, catalog.StatusCode);
        Assert.Contains("<h1>Your cart</h1>", await catalog.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // The shop's session opens the shop only.
        using (var console = await employee.GetAsync("/console"))
            Assert.Equal(HttpStatusCode.Redirect, console.StatusCode);

        store.Idp.NextUser = new() { ["sub"] = "A3001", ["role"] = "affiliate-buyer", ["company"] = "ABC", ["affiliate"] = "XYZ" };
        var (_, affiliate) = await SignInAsync("/shop");
        Assert.Contains("the intercompany price", await affiliate.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_employee_from_the_provider_gets_403_and_demo_sign_in_is_off()
    {
        store.Idp.NextUser = new() { ["sub"] = "E1001", ["role"] = "employee", ["company"] = "ABC" };

        var (app, page) = await SignInAsync("/console");

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        var signInPage = await app.GetStringAsync("/console/sign-in");
        Assert.DoesNotContain("Demo identities", signInPage, StringComparison.Ordinal);
        Assert.Contains("Sign in with your company account", signInPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_forged_or_replayed_callback_is_a_message_on_the_sign_in_page_not_a_server_error()
    {
        using var app = store.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await app.GetAsync("/console/signin-oidc?code=stolen&state=forged");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/console/sign-in?failed=true", response.Headers.Location!.OriginalString);
        Assert.Contains("did not complete", await app.GetStringAsync("/console/sign-in?failed=true"), StringComparison.Ordinal);
    }
}

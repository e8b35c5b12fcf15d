using InternalStore.Api.Console;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InternalStore.Api.Pages.Shop;

/// <summary>Shop sign-in: the company's OpenID Connect provider when configured; the demo people when demo sign-in is on.</summary>
public sealed class SignInModel(ConsoleOptions console, OidcOptions oidc) : PageModel
{
    public bool DemoSignIn => console.DemoSignIn == true;
    public bool Oidc => oidc.Enabled;

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Failed { get; set; }

    public void OnGet()
    {
    }

    public IActionResult OnPostDemo(string subject)
    {
        if (!DemoSignIn)
            return NotFound();
        var identity = DemoIdentity.All.FirstOrDefault(i => i.Subject == subject);
        if (identity is null)
            return BadRequest();
        return SignIn(ConsoleSetup.Principal(identity.Subject, [identity.Role], identity.Company, identity.CostCenter,
                identity.Affiliate, ShopPolicies.Scheme),
            new AuthenticationProperties { RedirectUri = SafeReturnUrl() }, ShopPolicies.Scheme);
    }

    public IActionResult OnPostOidc() => Oidc
        ? Challenge(new AuthenticationProperties { RedirectUri = SafeReturnUrl() }, ShopPolicies.OidcScheme)
        : NotFound();

    /// <summary>Only a path inside the shop: never an open redirect.</summary>
    private string SafeReturnUrl() =>
        ReturnUrl is { } url && Url.IsLocalUrl(url) && url.StartsWith("/shop", StringComparison.OrdinalIgnoreCase) ? url : "/shop";
}

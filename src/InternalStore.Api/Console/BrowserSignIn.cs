using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InternalStore.Api.Console;

/// <summary>
/// Sign-in of a browser area: the company's OpenID Connect provider when configured; the demo
/// people when demo sign-in is on. The console and the shop each have one page built on this.
/// </summary>
public abstract class BrowserSignInModel(ConsoleOptions console, OidcOptions oidc, BrowserArea area) : PageModel
{
    public bool DemoSignIn => console.DemoSignIn == true;
    public bool Oidc => oidc.Enabled;

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>The last sign-in at the provider did not complete.</summary>
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
                identity.Affiliate, area.CookieScheme),
            new AuthenticationProperties { RedirectUri = SafeReturnUrl() }, area.CookieScheme);
    }

    public IActionResult OnPostOidc() => Oidc
        ? Challenge(new AuthenticationProperties { RedirectUri = SafeReturnUrl() }, area.OidcScheme)
        : NotFound();

    /// <summary>Only a path inside the area: never an open redirect.</summary>
    private string SafeReturnUrl() =>
        ReturnUrl is { } url && Url.IsLocalUrl(url) && url.StartsWith(area.Path, StringComparison.OrdinalIgnoreCase) ? url : area.Path;
}

/// <summary>Ends an area's session (POST only, with antiforgery); open to anyone signed in.</summary>
[Microsoft.AspNetCore.Authorization.AllowAnonymous]
public abstract class BrowserSignOutModel(BrowserArea area) : PageModel
{
    public IActionResult OnGet() => LocalRedirect(area.SignInPath);

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(area.CookieScheme);
        return LocalRedirect(area.SignInPath);
    }
}

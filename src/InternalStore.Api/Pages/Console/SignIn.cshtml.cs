using InternalStore.Api.Console;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InternalStore.Api.Pages.Console;

/// <summary>Sign-in: the company's OpenID Connect provider when configured; the demo identities when demo sign-in is on.</summary>
public sealed class SignInModel(ConsoleOptions console, OidcOptions oidc) : PageModel
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
        return SignIn(ConsoleSetup.Principal(identity.Subject, [identity.Role], identity.Company, identity.CostCenter, identity.Affiliate),
            new AuthenticationProperties { RedirectUri = SafeReturnUrl() }, ConsolePolicies.Scheme);
    }

    public IActionResult OnPostOidc() => Oidc
        ? Challenge(new AuthenticationProperties { RedirectUri = SafeReturnUrl() }, ConsolePolicies.OidcScheme)
        : NotFound();

    /// <summary>Only a path inside the console: never an open redirect.</summary>
    private string SafeReturnUrl() =>
        ReturnUrl is { } url && Url.IsLocalUrl(url) && url.StartsWith("/console", StringComparison.OrdinalIgnoreCase) ? url : "/console";
}

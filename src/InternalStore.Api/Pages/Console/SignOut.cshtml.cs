using InternalStore.Api.Console;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InternalStore.Api.Pages.Console;

/// <summary>Ends the console session (POST only, with antiforgery); open to anyone signed in.</summary>
[Microsoft.AspNetCore.Authorization.AllowAnonymous]
public sealed class SignOutModel : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Console/SignIn");

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(ConsolePolicies.Scheme);
        return RedirectToPage("/Console/SignIn");
    }
}

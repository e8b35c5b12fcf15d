using InternalStore.Api.Console;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InternalStore.Api.Pages.Shop;

/// <summary>Ends the shop session (POST only, with antiforgery). The cart stays with the person for next time.</summary>
[Microsoft.AspNetCore.Authorization.AllowAnonymous]
public sealed class SignOutModel : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Shop/SignIn");

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(ShopPolicies.Scheme);
        return RedirectToPage("/Shop/SignIn");
    }
}

using InternalStore.Api.Console;

namespace InternalStore.Api.Pages.Shop;

/// <summary>Ends the shop session; the cart stays with the person for next time.</summary>
[Microsoft.AspNetCore.Authorization.AllowAnonymous]
public sealed class SignOutModel() : BrowserSignOutModel(BrowserArea.Shop);

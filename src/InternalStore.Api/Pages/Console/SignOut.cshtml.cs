using InternalStore.Api.Console;

namespace InternalStore.Api.Pages.Console;

[Microsoft.AspNetCore.Authorization.AllowAnonymous]
public sealed class SignOutModel() : BrowserSignOutModel(BrowserArea.Console);

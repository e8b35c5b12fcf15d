using InternalStore.Api.Console;

namespace InternalStore.Api.Pages.Shop;

/// <summary>The shop's sign-in; the shop lists the demo buyers first.</summary>
public sealed class SignInModel(ConsoleOptions console, OidcOptions oidc) : BrowserSignInModel(console, oidc, BrowserArea.Shop);

using InternalStore.Api.Console;

namespace InternalStore.Api.Pages.Console;

public sealed class SignInModel(ConsoleOptions console, OidcOptions oidc) : BrowserSignInModel(console, oidc, BrowserArea.Console);

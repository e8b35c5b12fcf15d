using InternalStore.Api.Console;
using InternalStore.Application.Provisioning;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace InternalStore.Api.Pages.Console.Hr;

/// <summary>
/// HR connects an identity provider: issues a SCIM token for one of their companies (shown once, on this
/// answer only, never stored or redirected with), sees the tokens of their companies, revokes one.
/// </summary>
public sealed class ProvisioningModel(ISender sender) : ConsolePageModel(sender)
{
    public ScimTokens? Tokens { get; private set; }

    /// <summary>The secret of the token just issued; set on the POST's own answer only.</summary>
    public CreatedScimToken? Created { get; private set; }

    public string ScimBaseUrl => $"{Request.Scheme}://{Request.Host}{Request.PathBase}{Scim.ScimEndpoints.Root}";

    public async Task OnGetAsync() => Tokens = await TryQueryAsync(new ListScimTokensQuery(Caller));

    public async Task<IActionResult> OnPostCreateAsync(string? company, string? name)
    {
        Created = await TrySendAsync(new CreateScimTokenCommand(Caller, company, name));
        await OnGetAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id)
    {
        if (await TrySendAsync(new RevokeScimTokenCommand(Caller, id.ToString())) is { } revoked)
        {
            Notice = $"Token {revoked.Prefix}… of {revoked.Company} is revoked; its identity provider is refused from now on.";
            return RedirectToPage();
        }

        await OnGetAsync();
        return Page();
    }
}

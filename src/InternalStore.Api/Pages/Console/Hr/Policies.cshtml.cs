using InternalStore.Api.Console;
using InternalStore.Application.Policies;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace InternalStore.Api.Pages.Console.Hr;

/// <summary>Every policy version HR manages, per company: the one in force, drafts and history.</summary>
public sealed class PoliciesModel(ISender sender) : ConsolePageModel(sender)
{
    public IReadOnlyList<IGrouping<string, PolicyVersionDto>> Companies { get; private set; } = [];

    /// <summary>What prices the caller's own company today, possibly the group's policy.</summary>
    public PolicyInForceDto Own { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        Own = await Sender.Send(new GetPolicyInForceQuery(Caller, null), HttpContext.RequestAborted);
        Companies = [.. (await Sender.Send(new ListPoliciesQuery(Caller, null), HttpContext.RequestAborted)).GroupBy(p => p.Company)];
    }

    /// <summary>A new draft for the company, starting from the chosen version's document.</summary>
    /// <param name="from">The version to copy.</param>
    /// <param name="company">The company the draft is for: the source's own company unless it was inherited.</param>
    public async Task<IActionResult> OnPostDraftAsync(Guid from, string? company)
    {
        var source = company is null
            ? await Sender.Send(new GetPolicyQuery(Caller, from), HttpContext.RequestAborted)
            : (await Sender.Send(new GetPolicyInForceQuery(Caller, company), HttpContext.RequestAborted)).Policy
              ?? throw new Domain.Common.NotFoundException("Policy in force", company);
        var draft = await TrySendAsync(new CreatePolicyCommand(Caller, company ?? source.Company, source.Name, source.Document));
        if (draft is null)
        {
            await OnGetAsync();
            return Page();
        }

        Notice = $"Draft version {draft.Version} created from version {source.Version}.";
        return RedirectToPage("/Console/Hr/Policy", new { id = draft.Id });
    }
}

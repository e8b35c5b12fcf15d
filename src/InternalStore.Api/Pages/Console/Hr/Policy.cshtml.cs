using InternalStore.Api.Console;
using InternalStore.Application.Policies;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace InternalStore.Api.Pages.Console.Hr;

/// <summary>One policy version: the draft editor (save, publish), or a frozen version read-only.</summary>
public sealed class PolicyModel(ISender sender, TimeProvider clock) : ConsolePageModel(sender)
{
    public PolicyVersionDto Policy { get; private set; } = null!;

    [BindProperty]
    public PolicyForm Form { get; set; } = new();

    [BindProperty]
    public DateOnly? EffectiveFrom { get; set; }

    public bool Editable => Policy.Status == "draft";

    public async Task OnGetAsync(Guid id)
    {
        await LoadAsync(id);
        Form = PolicyForm.From(Policy.Name, Policy.Document);
        EffectiveFrom ??= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
    }

    public async Task<IActionResult> OnPostSaveAsync(Guid id)
    {
        await LoadAsync(id);
        ModelState.Clear();
        var document = Form.ToDocument(ModelState);
        if (document is not null && await TrySendAsync(new UpdatePolicyCommand(Caller, id, Form.Name, document)) is not null)
        {
            Notice = "Draft saved.";
            return RedirectToPage(new { id });
        }

        Form.WithBlankRows();
        EffectiveFrom ??= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return Page();
    }

    public async Task<IActionResult> OnPostPublishAsync(Guid id)
    {
        await LoadAsync(id);
        ModelState.Clear();
        var published = await TrySendAsync(new PublishPolicyCommand(Caller, id, EffectiveFrom));
        if (published is not null)
        {
            Notice = $"Version {published.Version} published, in force from {published.EffectiveFrom:yyyy-MM-dd}.";
            return RedirectToPage("/Console/Hr/Policies");
        }

        Form = PolicyForm.From(Policy.Name, Policy.Document);
        return Page();
    }

    private async Task LoadAsync(Guid id) => Policy = await Sender.Send(new GetPolicyQuery(Caller, id), HttpContext.RequestAborted);
}

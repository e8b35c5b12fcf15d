using InternalStore.Api.Console;
using InternalStore.Application.Support;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace InternalStore.Api.Pages.Console.Support;

/// <summary>A case as its team works it: every message, the context panel (why the order cost what it did, how it is paid) and the actions.</summary>
public sealed class CaseModel(ISender sender) : ConsolePageModel(sender)
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public CaseDto? Case { get; private set; }
    public CaseContextDto? Context { get; private set; }
    public string Key { get; } = Guid.NewGuid().ToString("N");

    public async Task OnGetAsync()
    {
        Case = await Sender.Send(new GetCaseQuery(Caller, Id), HttpContext.RequestAborted);
        Context = await Sender.Send(new GetCaseContextQuery(Caller, Id), HttpContext.RequestAborted);
    }

    public Task<IActionResult> OnPostReplyAsync(string? text, bool? @internal) =>
        DoAsync(new AddCaseMessageCommand(Caller, Id, text, @internal == true), @internal == true ? "Note added." : "Reply sent.");

    public Task<IActionResult> OnPostAssignAsync(string? to) => DoAsync(new AssignCaseCommand(Caller, Id, to), $"Assigned to {to}.");

    public Task<IActionResult> OnPostStateAsync(string? state) => DoAsync(new ChangeCaseStateCommand(Caller, Id, state), $"The case is {state}.");

    public async Task<IActionResult> OnPostActAsync(string? action, string? key, Guid? order, string? from, string? to, Guid? line, decimal? amount,
        string? reason)
    {
        if (await TrySendAsync(new CaseActionCommand(Caller, Id, key, action, order, from, to, line, amount, reason, null)) is { } done)
        {
            Notice = $"Done: {done.Action} ({done.Reference}).";
            return RedirectToPage();
        }

        await OnGetAsync();
        return Page();
    }

    private async Task<IActionResult> DoAsync(ICommand<CaseDto> command, string notice)
    {
        if (await TrySendAsync(command) is not null)
        {
            Notice = notice;
            return RedirectToPage();
        }

        await OnGetAsync();
        return Page();
    }
}

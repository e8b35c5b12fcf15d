using InternalStore.Api.Console;
using InternalStore.Application.Support;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace InternalStore.Api.Pages.Console.Support;

/// <summary>The queues of the caller's teams: store operations (catalog), HR, finance.</summary>
public sealed class IndexModel(ISender sender) : ConsolePageModel(sender)
{
    [BindProperty(SupportsGet = true)]
    public string? State { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Due { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Assignee { get; set; }

    public IReadOnlyList<CaseDto> Cases { get; private set; } = [];
    public IEnumerable<string> Teams => SupportAccess.TeamsOf(Caller).Select(t => Domain.Common.WireNames.WireName(t));

    public async Task OnGetAsync() =>
        Cases = await TryQueryAsync(new ListCasesQuery(Caller, Empty(State), Empty(Assignee), Empty(Due))) is { } found
            ? [.. found.Where(c => c.RequesterId != Caller.Subject)]
            : [];

    private static string? Empty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

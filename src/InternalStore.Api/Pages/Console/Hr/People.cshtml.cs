using InternalStore.Api.Console;
using InternalStore.Application.Common;
using InternalStore.Application.People;
using Mediator;

namespace InternalStore.Api.Pages.Console.Hr;

/// <summary>The roster of the companies HR manages, searchable by id, name or email.</summary>
public sealed class PeopleModel(ISender sender) : ConsolePageModel(sender)
{
    public const int PageSize = 50;

    public Page<EmployeeDto>? Roster { get; private set; }
    public string? Q { get; private set; }
    public string? Status { get; private set; }

    public async Task OnGetAsync(string? q, string? status, int? p)
    {
        Q = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        Status = string.IsNullOrWhiteSpace(status) ? null : status;
        Roster = await TryQueryAsync(new ListEmployeesQuery(Caller, null, Status, Q, p ?? 1, PageSize));
    }
}

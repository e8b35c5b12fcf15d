using InternalStore.Api.Console;
using InternalStore.Application.Policies;
using Mediator;

namespace InternalStore.Api.Pages.Console.Hr;

/// <summary>Who changed what in a policy version, field by field.</summary>
public sealed class AuditModel(ISender sender) : ConsolePageModel(sender)
{
    public PolicyVersionDto Policy { get; private set; } = null!;
    public IReadOnlyList<PolicyAuditDto> Entries { get; private set; } = [];

    public async Task OnGetAsync(Guid id)
    {
        Policy = await Sender.Send(new GetPolicyQuery(Caller, id), HttpContext.RequestAborted);
        Entries = await Sender.Send(new GetPolicyAuditQuery(Caller, id), HttpContext.RequestAborted);
    }
}

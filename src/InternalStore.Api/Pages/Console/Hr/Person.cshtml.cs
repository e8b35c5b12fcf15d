using InternalStore.Api.Console;
using InternalStore.Application.Common;
using InternalStore.Application.People;
using Mediator;

namespace InternalStore.Api.Pages.Console.Hr;

/// <summary>One person: profile, the tier in force and why, allowance and limits (what they see at /api/me).</summary>
public sealed class PersonModel(ISender sender) : ConsolePageModel(sender)
{
    public EmployeeDto Person { get; private set; } = null!;
    public MeDto Pricing { get; private set; } = null!;

    public async Task OnGetAsync(string id)
    {
        // Visibility first: HR sees its own company and those below it, anyone else is 404.
        Person = await Sender.Send(new GetEmployeeQuery(Caller, id), HttpContext.RequestAborted);
        Pricing = await Sender.Send(new GetMeQuery(new Caller(Person.Id, new HashSet<string> { Roles.Employee }, Person.Company)),
            HttpContext.RequestAborted);
    }
}

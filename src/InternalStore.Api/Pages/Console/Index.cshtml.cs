using InternalStore.Api.Console;
using Mediator;

namespace InternalStore.Api.Pages.Console;

public sealed class IndexModel(ISender sender) : ConsolePageModel(sender)
{
    public void OnGet()
    {
    }
}

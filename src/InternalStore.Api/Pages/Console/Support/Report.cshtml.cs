using InternalStore.Api.Console;
using InternalStore.Application.Support;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace InternalStore.Api.Pages.Console.Support;

/// <summary>Volume, target attainment, satisfaction and top causes for the caller's teams and companies.</summary>
public sealed class ReportModel(ISender sender) : ConsolePageModel(sender)
{
    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    public SupportReportDto? Report { get; private set; }

    public async Task OnGetAsync() =>
        Report = await TryQueryAsync(new GetSupportReportQuery(Caller, string.IsNullOrWhiteSpace(From) ? null : From,
            string.IsNullOrWhiteSpace(To) ? null : To));
}

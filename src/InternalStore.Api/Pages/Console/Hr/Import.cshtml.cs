using InternalStore.Api.Console;
using InternalStore.Application.People;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace InternalStore.Api.Pages.Console.Hr;

/// <summary>Roster import from the browser: the same command as <c>POST /api/employees/import</c>.</summary>
[RequestSizeLimit(RequestLimits.MaxImportBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = RequestLimits.MaxImportBytes)]
public sealed class ImportModel(ISender sender) : ConsolePageModel(sender)
{
    public ImportReport? Report { get; private set; }

    [BindProperty]
    public bool DryRun { get; set; }

    [BindProperty]
    public bool SkipInvalid { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file)
    {
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("file", "Choose a CSV file to import.");
            return Page();
        }

        await using var csv = file.OpenReadStream();
        Report = await Sender.Send(new ImportEmployeesCommand(Caller, csv, DryRun, SkipInvalid), HttpContext.RequestAborted);
        return Page();
    }
}

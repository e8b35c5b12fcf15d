using InternalStore.Api.Console;
using InternalStore.Application.Catalog;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace InternalStore.Api.Pages.Console.Catalog;

/// <summary>Product import from the browser: the same command as <c>POST /api/products/import</c>.</summary>
[RequestSizeLimit(RequestLimits.MaxImportBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = RequestLimits.MaxImportBytes)]
public sealed class ImportModel(ISender sender) : ConsolePageModel(sender)
{
    public ProductImportReport? Report { get; private set; }

    [BindProperty]
    public bool DryRun { get; set; }

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
        Report = await Sender.Send(new ImportProductsCommand(Caller, csv, DryRun), HttpContext.RequestAborted);
        return Page();
    }
}

using System.Globalization;
using InternalStore.Api.Console;
using InternalStore.Application.Common;
using InternalStore.Application.People;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace InternalStore.Api.Pages.Console.Hr;

/// <summary>
/// One person: profile, the tier in force and why, allowance and limits (what they see at /api/me),
/// HR's edit (the same command as <c>PUT /api/employees/{id}</c>) and its audit trail.
/// </summary>
public sealed class PersonModel(ISender sender) : ConsolePageModel(sender)
{
    public EmployeeDto Person { get; private set; } = null!;
    public MeDto Pricing { get; private set; } = null!;
    public IReadOnlyList<EmployeeAuditDto> Audit { get; private set; } = [];

    [BindProperty]
    public EmployeeForm Form { get; set; } = new();

    public sealed class EmployeeForm
    {
        public string? Name { get; set; }
        public string? Email { get; set; }
        public string? CostCenter { get; set; }
        public string? Grade { get; set; }
        public string? Status { get; set; }
        public string? HireDate { get; set; }
        public string? TerminationDate { get; set; }
    }

    public async Task OnGetAsync(string id)
    {
        await LoadAsync(id);
        Form = new EmployeeForm
        {
            Name = Person.Name, Email = Person.Email, CostCenter = Person.CostCenter, Grade = Person.Grade.ToString(CultureInfo.InvariantCulture),
            Status = Person.Status, HireDate = Person.HireDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            TerminationDate = Person.TerminationDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
    }

    public async Task<IActionResult> OnPostAsync(string id)
    {
        ModelState.Clear();
        int? grade = int.TryParse(Form.Grade, NumberStyles.None, CultureInfo.InvariantCulture, out var g) ? g : null;
        if (grade is null && !string.IsNullOrWhiteSpace(Form.Grade))
            ModelState.AddModelError("grade", $"'{Form.Grade}' is not a whole number from 0 to 100.");
        var hired = Date(Form.HireDate, "hireDate");
        var left = Date(Form.TerminationDate, "terminationDate");
        var input = new EmployeeInput(Form.Name, Form.Email, string.IsNullOrWhiteSpace(Form.CostCenter) ? null : Form.CostCenter.Trim(),
            grade, Form.Status, hired, left);
        if (ModelState.IsValid && await TrySendAsync(new UpdateEmployeeCommand(Caller, id, input)) is { } saved)
        {
            Notice = $"{saved.Name} saved.";
            return RedirectToPage(new { id });
        }

        await LoadAsync(id);
        return Page();
    }

    private DateOnly? Date(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return date;
        ModelState.AddModelError(field, $"'{text}' is not a date like 2024-01-31.");
        return null;
    }

    private async Task LoadAsync(string id)
    {
        // Visibility first: HR sees its own company and those below it, anyone else is 404.
        Person = await Sender.Send(new GetEmployeeQuery(Caller, id), HttpContext.RequestAborted);
        Pricing = await Sender.Send(new GetMeQuery(new Caller(Person.Id, new HashSet<string> { Roles.Employee }, Person.Company)),
            HttpContext.RequestAborted);
        Audit = await Sender.Send(new GetEmployeeAuditQuery(Caller, id), HttpContext.RequestAborted);
    }
}

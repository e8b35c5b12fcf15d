using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using InternalStore.Application.Common;
using InternalStore.Domain.People;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace InternalStore.Application.People;

public sealed record ImportProblem(int Line, string Column, string Message);

public sealed record ImportReport(int Rows, int Created, int Updated, int Unchanged, int Invalid, bool Applied,
    IReadOnlyList<ImportProblem> Problems);

/// <summary>
/// Upserts employees by id from CSV (UTF-8, header row; columns id, name, email, company, costCenter,
/// grade, hireDate, status, terminationDate in any order; others ignored). Every row is checked
/// first: any problem means nothing is applied, unless <see cref="SkipInvalid"/> applies the valid
/// rows. Employees absent from the file are left alone: terminations are explicit.
/// </summary>
public sealed record ImportEmployeesCommand(Caller Caller, Stream Csv, bool DryRun, bool SkipInvalid)
    : ICommand<ImportReport>;

public sealed class ImportEmployeesHandler(IStoreDb db, TimeProvider clock, Checkout.PayrollTermination payroll) : ICommandHandler<ImportEmployeesCommand, ImportReport>
{
    private static readonly string[] Required = ["id", "name", "email", "company", "grade", "hireDate", "status"];

    private sealed record Row(int Line, string Id, string Name, string Email, string Company, string? CostCenter, int Grade,
        DateOnly HireDate, EmploymentStatus Status, DateOnly? TerminationDate);

    public async ValueTask<ImportReport> Handle(ImportEmployeesCommand command, CancellationToken cancellationToken)
    {
        var problems = new List<ImportProblem>();
        var rows = new List<Row>();
        var visible = await db.VisibleCompaniesAsync(command.Caller, cancellationToken);
        var costCenters = await db.CostCenters.AsNoTracking().ToDictionaryAsync(c => c.Code, c => c.CompanyCode, cancellationToken);
        var rowCount = await ReadAsync(command.Csv, visible, costCenters, rows, problems);

        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (firstLine.TryGetValue(row.Id, out var earlier))
            {
                problems.Add(new ImportProblem(earlier, "id", $"Employee id '{row.Id}' appears again on line {row.Line}."));
                problems.Add(new ImportProblem(row.Line, "id", $"Employee id '{row.Id}' already appears on line {earlier}."));
            }
            else
            {
                firstLine[row.Id] = row.Line;
            }
        }

        var badLines = problems.Select(p => p.Line).ToHashSet();
        var valid = rows.Where(r => !badLines.Contains(r.Line)).ToList();
        var apply = !command.DryRun && (problems.Count == 0 || command.SkipInvalid);
        var ids = valid.Select(r => r.Id).ToList();
        // In chunks: EF sends each id as a parameter, and SQLite and PostgreSQL cap parameters per statement.
        var existing = new Dictionary<string, Employee>(StringComparer.Ordinal);
        foreach (var chunk in ids.Chunk(1000))
        {
            foreach (var found in await db.Employees.Where(e => chunk.Contains(e.Id)).ToListAsync(cancellationToken))
                existing[found.Id] = found;
        }

        int created = 0, updated = 0, unchanged = 0;
        var leavers = new List<Employee>();
        var now = clock.GetUtcNow();
        foreach (var row in valid)
        {
            if (existing.TryGetValue(row.Id, out var employee))
            {
                if (employee.CompanyCode != row.Company)
                {
                    problems.Add(new ImportProblem(row.Line, "company",
                        $"{row.Id} works for {employee.CompanyCode}; a move between companies is not an import."));
                    continue;
                }

                var before = EmployeeAudit.Fields(employee);
                var wasActive = employee.Status == EmploymentStatus.Active;
                employee.Change(row.Name, row.Email, row.CostCenter, row.Grade, row.Status, row.HireDate, row.TerminationDate);
                if (wasActive && employee.Status == EmploymentStatus.Terminated)
                    leavers.Add(employee);
                if (db.AuditEmployee(employee, before, command.Caller.Subject, now) > 0)
                    updated++;
                else
                    unchanged++;
            }
            else
            {
                var fresh = new Employee(row.Id, row.Name, row.Email, row.Company, row.CostCenter, row.Grade, row.HireDate);
                if (row.Status == EmploymentStatus.Terminated)
                    fresh.Terminate(row.TerminationDate!.Value);
                db.Employees.Add(fresh);
                created++;
            }
        }

        apply &= problems.Count == 0 || command.SkipInvalid;
        if (apply)
        {
            foreach (var leaver in leavers)
                await payroll.CollapseAsync(leaver, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }
        else
            db.ChangeTracker.Clear();
        var invalid = problems.Select(p => p.Line).Distinct().Count();
        return new ImportReport(rowCount, created, updated, unchanged, invalid, apply,
            problems.OrderBy(p => p.Line).ThenBy(p => p.Column, StringComparer.Ordinal).ToList());
    }

    private static async Task<int> ReadAsync(Stream csv, IReadOnlyList<string> visible, Dictionary<string, string> costCenters, List<Row> rows,
        List<ImportProblem> problems)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            PrepareHeaderForMatch = args => args.Header.Trim().ToUpperInvariant(),
            MaxFieldSize = 10_000,
            BadDataFound = null,
            MissingFieldFound = null,
        };
        using var text = new StreamReader(csv, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
        using var reader = new CsvReader(text, config);
        var count = 0;
        try
        {
            if (!await reader.ReadAsync())
            {
                problems.Add(new ImportProblem(1, "", "The file is empty: a header row and one row per employee are expected."));
                return 0;
            }

            reader.ReadHeader();
            var header = reader.HeaderRecord!.Select(h => h.Trim().ToUpperInvariant()).ToHashSet();
            var missing = Required.Where(r => !header.Contains(r.ToUpperInvariant())).ToList();
            if (missing.Count > 0)
            {
                problems.Add(new ImportProblem(1, string.Join(",", missing), $"Missing column(s): {string.Join(", ", missing)}."));
                return 0;
            }

            while (await reader.ReadAsync())
            {
                count++;
                var line = reader.Parser.RawRow;
                if (Parse(reader, line, visible, costCenters, problems) is { } row)
                    rows.Add(row);
            }
        }
        catch (DecoderFallbackException)
        {
            problems.Add(new ImportProblem(count + 2, "", "The file is not UTF-8 text: save it as UTF-8 and import again."));
        }
        catch (CsvHelperException ex) when (ex is MaxFieldSizeException or ParserException or ReaderException)
        {
            problems.Add(new ImportProblem(reader.Parser.RawRow, "", "A field is malformed or longer than 10 000 characters."));
        }

        if (count == 0 && problems.Count == 0)
            problems.Add(new ImportProblem(1, "", "The file has a header but no employees."));
        return count;
    }

    private static Row? Parse(CsvReader reader, int line, IReadOnlyList<string> visible, Dictionary<string, string> costCenters,
        List<ImportProblem> problems)
    {
        var before = problems.Count;
        string Field(string name) => (reader.GetField(name.ToUpperInvariant()) ?? "").Trim();
        void Fail(string column, string message) => problems.Add(new ImportProblem(line, column, message));

        var id = Field("id");
        if (id.Length is 0 or > 40) Fail("id", "An id is 1 to 40 characters.");
        var name = Field("name");
        if (name.Length is 0 or > 200) Fail("name", "A name is 1 to 200 characters.");
        var email = Field("email");
        if (!email.Contains('@', StringComparison.Ordinal) || email.Length > 320) Fail("email", $"'{email}' is not an email address.");
        var company = Field("company");
        if (!visible.Contains(company)) Fail("company", $"Company '{company}' is unknown or not yours to manage.");
        var costCenter = reader.HeaderRecord!.Any(h => h.Trim().Equals("costCenter", StringComparison.OrdinalIgnoreCase))
            ? Field("costCenter") : "";
        // An unknown company is the one problem of the row: its cost centre cannot be judged.
        if (costCenter.Length > 0 && visible.Contains(company)
            && (!costCenters.TryGetValue(costCenter, out var owner) || owner != company))
            Fail("costCenter", $"Cost centre '{costCenter}' is not one of {company}'s.");
        if (!int.TryParse(Field("grade"), NumberStyles.None, CultureInfo.InvariantCulture, out var grade) || grade > 100)
            Fail("grade", $"Grade '{Field("grade")}' is not a whole number from 0 to 100.");
        if (!DateOnly.TryParseExact(Field("hireDate"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var hired))
            Fail("hireDate", $"Hire date '{Field("hireDate")}' is not a date like 2024-01-31.");
        var statusText = Field("status").ToLowerInvariant();
        if (statusText is not ("active" or "terminated")) Fail("status", $"Status '{Field("status")}' is not active or terminated.");
        var terminationText = reader.HeaderRecord!.Any(h => h.Trim().Equals("terminationDate", StringComparison.OrdinalIgnoreCase))
            ? Field("terminationDate") : "";
        DateOnly? terminated = null;
        if (terminationText.Length > 0)
        {
            if (DateOnly.TryParseExact(terminationText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                terminated = d;
            else
                Fail("terminationDate", $"Termination date '{terminationText}' is not a date like 2024-01-31.");
        }

        if (statusText == "terminated" && terminated is null && terminationText.Length == 0)
            Fail("terminationDate", "A terminated employee needs a termination date.");
        if (terminated < hired)
            Fail("terminationDate", "An employee cannot leave before being hired.");

        return problems.Count > before ? null : new Row(line, id, name, email, company, costCenter.Length > 0 ? costCenter : null,
            grade, hired, statusText == "terminated" ? EmploymentStatus.Terminated : EmploymentStatus.Active,
            statusText == "terminated" ? terminated : null);
    }
}

using System.Globalization;
using System.Runtime.CompilerServices;
using CsvHelper;
using InternalStore.Application.Common;
using InternalStore.Domain.People;

namespace InternalStore.Application.People;

public sealed record ImportProblem(int Line, string Column, string Message);

/// <summary>One roster row whose fields are each well formed (cross-row checks come later).</summary>
public sealed record RosterRow(int Line, string Id, string Name, string Email, string Company, string? CostCenter, int Grade,
    DateOnly HireDate, EmploymentStatus Status, DateOnly? TerminationDate);

/// <summary>
/// Streams a roster CSV row by row (UTF-8, header row, columns in any order, others ignored), so a
/// file of any length is read in constant memory. Rows with a problem are reported to the sink and
/// not yielded; a file that cannot be read further (not UTF-8, a malformed or oversized field)
/// ends the rows with one problem.
/// </summary>
public sealed class RosterCsv(IReadOnlyCollection<string> visibleCompanies, IReadOnlyDictionary<string, string> costCenterOwners)
{
    private static readonly string[] Required = ["id", "name", "email", "company", "grade", "hireDate", "status"];

    public int Rows { get; private set; }

    public async IAsyncEnumerable<RosterRow> ReadAsync(Stream csv, List<ImportProblem> problems,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Rows = 0;
        using var upload = new CsvUpload(csv);
        var header = await upload.ReadHeaderAsync(problems, Required, "employee");
        if (header is null)
            yield break;
        var columns = new Columns(header.Contains("COSTCENTER"), header.Contains("TERMINATIONDATE"));
        await foreach (var line in upload.RowsAsync(problems, "employees", cancellationToken))
        {
            Rows = upload.Rows;
            if (Parse(upload.Reader, line, columns, problems) is { } row)
                yield return row;
        }
    }

    private sealed record Columns(bool CostCenter, bool TerminationDate);

    private RosterRow? Parse(CsvReader reader, int line, Columns columns, List<ImportProblem> problems)
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
        var companyKnown = visibleCompanies.Contains(company);
        if (!companyKnown) Fail("company", $"Company '{company}' is unknown or not yours to manage.");
        var costCenter = columns.CostCenter ? Field("costCenter") : "";
        // An unknown company is the one problem of the row: its cost centre cannot be judged.
        if (costCenter.Length > 0 && companyKnown
            && (!costCenterOwners.TryGetValue(costCenter, out var owner) || owner != company))
            Fail("costCenter", $"Cost centre '{costCenter}' is not one of {company}'s.");
        if (!int.TryParse(Field("grade"), NumberStyles.None, CultureInfo.InvariantCulture, out var grade) || grade > 100)
            Fail("grade", $"Grade '{Field("grade")}' is not a whole number from 0 to 100.");
        if (!DateOnly.TryParseExact(Field("hireDate"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var hired))
            Fail("hireDate", $"Hire date '{Field("hireDate")}' is not a date like 2024-01-31.");
        var statusText = Field("status").ToLowerInvariant();
        if (statusText is not ("active" or "terminated")) Fail("status", $"Status '{Field("status")}' is not active or terminated.");
        var terminationText = columns.TerminationDate ? Field("terminationDate") : "";
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

        return problems.Count > before ? null : new RosterRow(line, id, name, email, company, costCenter.Length > 0 ? costCenter : null,
            grade, hired, statusText == "terminated" ? EmploymentStatus.Terminated : EmploymentStatus.Active,
            statusText == "terminated" ? terminated : null);
    }
}

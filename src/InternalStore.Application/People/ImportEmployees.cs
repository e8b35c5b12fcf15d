using InternalStore.Application.Authority;
using InternalStore.Application.Common;
using InternalStore.Domain.Common;
using InternalStore.Domain.People;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace InternalStore.Application.People;

public sealed record ImportReport(int Rows, int Created, int Updated, int Unchanged, int Invalid, bool Applied,
    IReadOnlyList<ImportProblem> Problems);

/// <summary>How far an import has read its file: <paramref name="Phase"/> is "checking" then "importing".</summary>
public sealed record ImportProgress(string Phase, long BytesRead, long TotalBytes);

/// <summary>
/// Upserts employees by id from a roster CSV (see <see cref="RosterCsv"/>). Every row is checked
/// first: any problem means nothing is applied, unless <see cref="SkipInvalid"/> applies the valid
/// rows. Employees absent from the file are left alone: terminations are explicit.
/// </summary>
public sealed record ImportEmployeesCommand(Caller Caller, Stream Csv, bool DryRun, bool SkipInvalid,
    IProgress<ImportProgress>? Progress = null) : ICommand<ImportReport>, ICallerMessage, IRunsOwnTransactions;

/// <summary>
/// Two streamed passes, so memory does not grow with the file beyond one id per row: the first
/// checks every row (fields, duplicate ids, moves between companies) without writing; the second,
/// in one transaction, upserts the good rows in batches and forgets each batch once saved. A body
/// that cannot be read twice is first spooled to a temporary file.
/// </summary>
public sealed class ImportEmployeesHandler(IStoreDb db, OrganisationAuthority authority, TimeProvider clock, Checkout.PayrollTermination payroll,
    TransactionRunner transactions) : ICommandHandler<ImportEmployeesCommand, ImportReport>
{
    // Below SQLite's and PostgreSQL's parameter caps for the "id in (...)" lookups.
    private const int BatchSize = 1000;

    public async ValueTask<ImportReport> Handle(ImportEmployeesCommand command, CancellationToken cancellationToken)
    {
        await using var spooled = await UploadSpool.SpoolUnlessSeekableAsync(command.Csv, "roster", cancellationToken);
        var csv = spooled ?? command.Csv;
        var start = csv.Position;
        var visible = (await authority.ScopeOfAsync(command.Caller, cancellationToken)).Companies.ToList();
        var costCenters = await db.CostCenters.AsNoTracking().ToDictionaryAsync(c => c.Code, c => c.CompanyCode, cancellationToken);
        var roster = new RosterCsv(visible, costCenters);

        var problems = await CheckAsync(command, roster, csv, cancellationToken);
        var rows = roster.Rows;
        var badLines = problems.Select(p => p.Line).ToHashSet();
        var apply = !command.DryRun && (problems.Count == 0 || command.SkipInvalid);
        var counts = new Counts();
        if (rows > 0)
        {
            counts = apply
                ? await transactions.RunAsync(ct => UpsertAsync(command, roster, csv, start, badLines, save: true, ct), cancellationToken)
                : await UpsertAsync(command, roster, csv, start, badLines, save: false, cancellationToken);
        }

        return new ImportReport(rows, counts.Created, counts.Updated, counts.Unchanged, badLines.Count, apply,
            problems.OrderBy(p => p.Line).ThenBy(p => p.Column, StringComparer.Ordinal).ToList());
    }

    private async Task<List<ImportProblem>> CheckAsync(ImportEmployeesCommand command, RosterCsv roster, Stream csv,
        CancellationToken cancellationToken)
    {
        var problems = new List<ImportProblem>();
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        var batch = new List<RosterRow>(BatchSize);
        await foreach (var row in roster.ReadAsync(csv, problems, cancellationToken))
        {
            if (firstLine.TryAdd(row.Id, row.Line))
            {
                batch.Add(row);
                if (batch.Count == BatchSize)
                    await CheckMovesAsync(command, batch, csv, problems, cancellationToken);
                continue;
            }

            var earlier = firstLine[row.Id];
            problems.Add(new ImportProblem(earlier, "id", $"Employee id '{row.Id}' appears again on line {row.Line}."));
            problems.Add(new ImportProblem(row.Line, "id", $"Employee id '{row.Id}' already appears on line {earlier}."));
        }

        await CheckMovesAsync(command, batch, csv, problems, cancellationToken);
        return problems;
    }

    /// <summary>An employee's company is fixed: a row naming another company than the stored one is a problem.</summary>
    private async Task CheckMovesAsync(ImportEmployeesCommand command, List<RosterRow> batch, Stream csv, List<ImportProblem> problems,
        CancellationToken cancellationToken)
    {
        var ids = batch.Select(r => r.Id).ToList();
        var stored = await db.Employees.AsNoTracking().Where(e => ids.Contains(e.Id))
            .ToDictionaryAsync(e => e.Id, e => e.CompanyCode, StringComparer.Ordinal, cancellationToken);
        foreach (var row in batch)
        {
            if (stored.TryGetValue(row.Id, out var company) && company != row.Company)
                problems.Add(new ImportProblem(row.Line, "company", $"{row.Id} works for {company}; a move between companies is POST /api/employees/{row.Id}/move, not an import."));
        }

        batch.Clear();
        command.Progress?.Report(new ImportProgress("checking", csv.Position, csv.Length));
    }

    private sealed record Counts(int Created = 0, int Updated = 0, int Unchanged = 0);

    private async Task<Counts> UpsertAsync(ImportEmployeesCommand command, RosterCsv roster, Stream csv, long start,
        HashSet<int> badLines, bool save, CancellationToken cancellationToken)
    {
        csv.Position = start;
        var counts = new Counts();
        var batch = new List<RosterRow>(BatchSize);
        // The first pass reported every problem; rows are read again only to be applied.
        await foreach (var row in roster.ReadAsync(csv, [], cancellationToken))
        {
            if (badLines.Contains(row.Line))
                continue;
            batch.Add(row);
            if (batch.Count == BatchSize)
                counts = await UpsertBatchAsync(command, batch, counts, csv, save, cancellationToken);
        }

        return await UpsertBatchAsync(command, batch, counts, csv, save, cancellationToken);
    }

    private async Task<Counts> UpsertBatchAsync(ImportEmployeesCommand command, List<RosterRow> batch, Counts counts, Stream csv,
        bool save, CancellationToken cancellationToken)
    {
        var ids = batch.Select(r => r.Id).ToList();
        var existing = await db.Employees.Where(e => ids.Contains(e.Id))
            .ToDictionaryAsync(e => e.Id, StringComparer.Ordinal, cancellationToken);
        var now = clock.GetUtcNow();
        var leavers = new List<Employee>();
        foreach (var row in batch)
        {
            if (existing.TryGetValue(row.Id, out var employee))
            {
                // Checked in the first pass; changed since then only by a concurrent move, which no route makes.
                if (employee.CompanyCode != row.Company)
                    throw new ConflictException("invalid-state", $"{row.Id} moved to {employee.CompanyCode} during the import; import again.");
                var before = EmployeeAudit.Fields(employee);
                var wasActive = employee.Status == EmploymentStatus.Active;
                employee.Change(row.Name, row.Email, row.CostCenter, row.Grade, row.Status, row.HireDate, row.TerminationDate);
                if (wasActive && employee.Status == EmploymentStatus.Terminated)
                    leavers.Add(employee);
                counts = db.AuditEmployee(employee, before, command.Caller.Subject, now) > 0
                    ? counts with { Updated = counts.Updated + 1 }
                    : counts with { Unchanged = counts.Unchanged + 1 };
            }
            else
            {
                var fresh = new Employee(row.Id, row.Name, row.Email, row.Company, row.CostCenter, row.Grade, row.HireDate);
                if (row.Status == EmploymentStatus.Terminated)
                    fresh.Terminate(row.TerminationDate!.Value);
                db.Employees.Add(fresh);
                counts = counts with { Created = counts.Created + 1 };
            }
        }

        if (save)
        {
            foreach (var leaver in leavers)
                await payroll.CollapseAsync(leaver, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }

        db.ChangeTracker.Clear();
        batch.Clear();
        command.Progress?.Report(new ImportProgress(save ? "importing" : "counting", csv.Position, csv.Length));
        return counts;
    }
}

using InternalStore.Application.Authority;
using InternalStore.Application.Common;
using InternalStore.Application.People;
using InternalStore.Domain.Catalog;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace InternalStore.Application.Catalog;

/// <summary>
/// What a product import did (or, in a dry run, would do). A file with any problem applies nothing, so its
/// counts are all zero and <see cref="Problems"/> names every problem by line and column.
/// </summary>
public sealed record ProductImportReport(int Rows, int Created, int Updated, int Unchanged, int Invalid, bool DryRun, bool Applied,
    IReadOnlyList<ImportProblem> Problems);

/// <summary>
/// Upserts products by SKU from a CSV (see <see cref="ProductCsv"/>): new SKUs are created with their initial
/// stock, known ones get the file's details (their stock moves only through stock adjustments, which keep a
/// reason). Every row is checked first; any problem means nothing is applied. Products absent from the file
/// are left alone.
/// </summary>
public sealed record ImportProductsCommand(Caller Caller, Stream Csv, bool DryRun)
    : ICommand<ProductImportReport>, ICallerMessage, IRunsOwnTransactions;

/// <summary>
/// Two streamed passes, as the roster import: the first checks every row (fields, duplicate SKUs, a currency
/// that would change) without writing, holding one SKU per row; the second, in one transaction, upserts in
/// batches and forgets each batch once saved.
/// </summary>
public sealed class ImportProductsHandler(IStoreDb db, TimeProvider clock, TransactionRunner transactions)
    : ICommandHandler<ImportProductsCommand, ProductImportReport>
{
    // Below SQLite's and PostgreSQL's parameter caps for the "sku in (...)" lookups.
    private const int BatchSize = 1000;

    public async ValueTask<ProductImportReport> Handle(ImportProductsCommand command, CancellationToken cancellationToken)
    {
        await using var spooled = await UploadSpool.SpoolUnlessSeekableAsync(command.Csv, "products", cancellationToken);
        var csv = spooled ?? command.Csv;
        var start = csv.Position;
        var file = new ProductCsv();

        var problems = await CheckAsync(file, csv, cancellationToken);
        var badLines = problems.Select(p => p.Line).ToHashSet();
        var counts = new Counts();
        if (problems.Count == 0)
        {
            counts = command.DryRun
                ? await UpsertAsync(file, csv, start, save: false, cancellationToken)
                : await transactions.RunAsync(ct => UpsertAsync(file, csv, start, save: true, ct), cancellationToken);
        }

        return new ProductImportReport(file.Rows, counts.Created, counts.Updated, counts.Unchanged, badLines.Count, command.DryRun,
            Applied: problems.Count == 0 && !command.DryRun,
            problems.OrderBy(p => p.Line).ThenBy(p => p.Column, StringComparer.Ordinal).ToList());
    }

    private async Task<List<ImportProblem>> CheckAsync(ProductCsv file, Stream csv, CancellationToken cancellationToken)
    {
        var problems = new List<ImportProblem>();
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        void Seen(int line, string sku)
        {
            if (sku.Length == 0 || firstLine.TryAdd(sku, line))
                return;
            var earlier = firstLine[sku];
            problems.Add(new ImportProblem(earlier, "sku", $"SKU '{sku}' appears again on line {line}."));
            problems.Add(new ImportProblem(line, "sku", $"SKU '{sku}' already appears on line {earlier}."));
        }

        var batch = new List<ProductRow>(BatchSize);
        await foreach (var row in file.ReadAsync(csv, problems, Seen, cancellationToken))
        {
            batch.Add(row);
            if (batch.Count == BatchSize)
                await CheckCurrenciesAsync(batch, problems, cancellationToken);
        }

        await CheckCurrenciesAsync(batch, problems, cancellationToken);
        return problems;
    }

    /// <summary>A product's currency is fixed once it exists (its orders and agreements are in it).</summary>
    private async Task CheckCurrenciesAsync(List<ProductRow> batch, List<ImportProblem> problems, CancellationToken cancellationToken)
    {
        var skus = batch.Select(r => r.Sku).ToList();
        var stored = await db.Products.AsNoTracking().Where(p => skus.Contains(p.Sku))
            .ToDictionaryAsync(p => p.Sku, p => p.Currency, StringComparer.Ordinal, cancellationToken);
        foreach (var row in batch)
        {
            var currency = row.Product.ToDetails().Currency;
            if (stored.TryGetValue(row.Sku, out var existing) && existing != currency)
                problems.Add(new ImportProblem(row.Line, "currency", $"{row.Sku} is priced in {existing}; its currency cannot be changed."));
        }

        batch.Clear();
    }

    private sealed record Counts(int Created = 0, int Updated = 0, int Unchanged = 0);

    private async Task<Counts> UpsertAsync(ProductCsv file, Stream csv, long start, bool save, CancellationToken cancellationToken)
    {
        csv.Position = start;
        var counts = new Counts();
        var batch = new List<ProductRow>(BatchSize);
        // The first pass found no problem: the rows are read again only to be applied.
        await foreach (var row in file.ReadAsync(csv, [], cancellationToken: cancellationToken))
        {
            batch.Add(row);
            if (batch.Count == BatchSize)
                counts = await UpsertBatchAsync(batch, counts, save, cancellationToken);
        }

        return await UpsertBatchAsync(batch, counts, save, cancellationToken);
    }

    private async Task<Counts> UpsertBatchAsync(List<ProductRow> batch, Counts counts, bool save, CancellationToken cancellationToken)
    {
        var skus = batch.Select(r => r.Sku).ToList();
        var existing = await db.Products.Where(p => skus.Contains(p.Sku)).ToDictionaryAsync(p => p.Sku, StringComparer.Ordinal, cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var row in batch)
        {
            var details = row.Product.ToDetails();
            if (!existing.TryGetValue(row.Sku, out var product))
            {
                db.Products.Add(Product.Create(row.Sku, details, row.Stock, now));
                counts = counts with { Created = counts.Created + 1 };
            }
            else if (product.Has(details))
            {
                counts = counts with { Unchanged = counts.Unchanged + 1 };
            }
            else
            {
                product.Update(details, now);
                counts = counts with { Updated = counts.Updated + 1 };
            }
        }

        if (save)
            await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        batch.Clear();
        return counts;
    }
}

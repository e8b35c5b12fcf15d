using System.Globalization;
using System.Runtime.CompilerServices;
using FluentValidation;
using InternalStore.Application.Common;
using InternalStore.Application.People;

namespace InternalStore.Application.Catalog;

/// <summary>One product row whose fields are each well formed, by the same rules as POST /api/products.</summary>
public sealed record ProductRow(int Line, string Sku, ProductInput Product, int Stock);

/// <summary>
/// Streams a product CSV row by row (UTF-8, header row, columns in any order and of any case, others ignored) in
/// constant memory. Required: sku, name, category, listPrice, unitCost. Optional: description, currency (USD),
/// employeeDiscount and active (true/false, default true), supplyKind (goods/service), stock (a new product's
/// initial stock, default 0). Rows with a problem go to the sink and are not yielded; a file that cannot be read
/// further ends the rows with one problem.
/// </summary>
public sealed class ProductCsv
{
    private static readonly string[] Required = ["sku", "name", "category", "listPrice", "unitCost"];
    private static readonly string[] Optional = ["description", "currency", "employeeDiscount", "active", "supplyKind", "stock"];
    private static readonly ProductRowValidator Rules = new();

    /// <summary>The columns, as the API description, the CLI's help and the console's import page tell them.</summary>
    public static readonly string Columns = $"{string.Join(",", Required)} and optionally {string.Join(",", Optional)} "
        + "(stock: a new product's initial stock), in any order; other columns are ignored";

    public int Rows { get; private set; }

    /// <summary>
    /// The rows, each with the SKU as written even when the row has other problems (<paramref name="skus"/> is told
    /// every line's SKU, so duplicates are found whatever else is wrong with a line).
    /// </summary>
    public async IAsyncEnumerable<ProductRow> ReadAsync(Stream csv, List<ImportProblem> problems, Action<int, string>? skus = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Rows = 0;
        using var upload = new CsvUpload(csv);
        var header = await upload.ReadHeaderAsync(problems, Required, "product");
        if (header is null)
            yield break;
        var present = Required.Concat(Optional).Where(c => header.Contains(c.ToUpperInvariant())).ToHashSet(StringComparer.Ordinal);
        var reader = upload.Reader;
        await foreach (var line in upload.RowsAsync(problems, "products", cancellationToken))
        {
            Rows = upload.Rows;
            string? Field(string name) => present.Contains(name) ? reader.GetField(name.ToUpperInvariant())?.Trim() : null;
            var sku = Field("sku") ?? "";
            skus?.Invoke(line, sku);
            if (Parse(line, sku, Field, problems) is { } row)
                yield return row;
        }
    }

    private static ProductRow? Parse(int line, string sku, Func<string, string?> field, List<ImportProblem> problems)
    {
        var before = problems.Count;
        void Fail(string column, string message) => problems.Add(new ImportProblem(line, column, message));

        decimal? Amount(string column)
        {
            var text = field(column) ?? "";
            if (decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
                return value;
            Fail(column, text.Length == 0 ? $"{column} is required." : $"'{text}' is not an amount like 12.50.");
            return null;
        }

        bool? Flag(string column)
        {
            var text = (field(column) ?? "").ToLowerInvariant();
            switch (text)
            {
                case "": return null;
                case "true" or "yes" or "1": return true;
                case "false" or "no" or "0": return false;
                default:
                    Fail(column, $"'{field(column)}' is not true or false.");
                    return null;
            }
        }

        static string? Blank(string? text) => string.IsNullOrEmpty(text) ? null : text;
        var listPrice = Amount("listPrice");
        var unitCost = Amount("unitCost");
        var input = new ProductInput(Blank(field("name")), Blank(field("description")), Blank(field("category")), listPrice, unitCost,
            Blank(field("currency"))?.ToUpperInvariant(), Flag("employeeDiscount"), Flag("active"), Blank(field("supplyKind"))?.ToLowerInvariant());
        var stockText = field("stock") ?? "";
        var stock = 0;
        if (stockText.Length > 0 && (!int.TryParse(stockText, NumberStyles.None, CultureInfo.InvariantCulture, out stock)))
            Fail("stock", $"Stock '{stockText}' is not a whole number of 0 or more.");

        var fieldProblems = problems.Count;
        foreach (var error in Rules.Validate(new ProductRowInput(sku, input)).Errors)
        {
            // An amount that could not be read is already its column's one problem.
            if (problems.Skip(before).Take(fieldProblems - before).Any(p => p.Column == error.PropertyName))
                continue;
            Fail(error.PropertyName, error.ErrorMessage);
        }

        return problems.Count > before ? null : new ProductRow(line, sku, input, stock);
    }

    private sealed record ProductRowInput(string Sku, ProductInput Product);

    /// <summary>The API's own rules for a product (<see cref="CatalogRules"/>), so a file and a request agree.</summary>
    private sealed class ProductRowValidator : AbstractValidator<ProductRowInput>
    {
        public ProductRowValidator()
        {
            RuleFor(x => (string?)x.Sku).ValidSku().OverridePropertyName("sku");
            this.ProductInputRules(x => x.Product);
        }
    }
}

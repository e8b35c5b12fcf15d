using System.Globalization;
using CsvHelper;
using InternalStore.Application.Benefits;
using InternalStore.Application.Common;
using InternalStore.Application.Finance;

namespace InternalStore.Core.Tests;

/// <summary>
/// Every column of every export, filled with text a spreadsheet would run (identifiers included): no
/// cell starts with =, +, -, @, a tab or a carriage return unless it is one of the server's numbers,
/// and each text comes back, behind its apostrophe, as it went in.
/// </summary>
public sealed class CsvExportTests
{
    private static readonly string[] Hostile = ["=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd"];

    private static string H(int i) => Hostile[i % Hostile.Length];

    public static TheoryData<string, string> Exports()
    {
        var order = Guid.NewGuid();
        var day = new DateOnly(2026, 11, 30);
        return new TheoryData<string, string>
        {
            { "payroll", FinanceCsv.PayrollDeductions(new PayrollDeductionsDto(day, H(0),
                [new PayrollDeductionRowDto(H(1), H(2), day, -12.50m, order, Guid.NewGuid())], -12.50m)) },
            { "chargebacks", FinanceCsv.Chargebacks(new ChargebackStatementDto(H(3), H(4),
                [new CostCenterStatementDto(H(5), H(0), H(1), [], 10m, 8m, 2m,
                    [new ChargebackEntryDto(order, H(2), H(3), -10m, -8m, -2m, DateTimeOffset.UnixEpoch)])], 10m, 8m, 2m)) },
            { "taxable-benefits", FinanceCsv.TaxableBenefits(new TaxableBenefitsDto(day, H(4), H(5),
                [new TaxableBenefitRowDto(H(0), H(1), day, 1m, 2m, 3m, [order], [])], 1m)) },
            { "internal-costs", Application.InternalServices.InternalCostsCsv.Write(new Application.InternalServices.InternalCostsDto(H(0), H(1), H(2),
                [H(3)], [new Application.InternalServices.InternalCostRowDto(H(0), H(1), H(2), H(3), H(4), H(5), H(0), H(1), H(2), -1.5m, -123.75m, false),
                    new Application.InternalServices.InternalCostRowDto(H(5), H(4), H(3), H(2), H(1), H(0), H(5), H(4), H(3), 2m, 10m, true)],
                [], -113.75m)) },
        };
    }

    [Theory]
    [MemberData(nameof(Exports))]
    public void No_cell_of_an_export_is_a_formula(string export, string csv)
    {
        using var reader = new CsvReader(new StringReader(csv), CultureInfo.InvariantCulture);
        var cells = 0;
        var texts = 0;
        while (reader.Read())
        {
            for (var i = 0; i < reader.Parser.Count; i++)
            {
                var cell = reader.GetField(i)!;
                cells++;
                if (decimal.TryParse(cell, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _))
                    continue;
                Assert.False(cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r', $"{export}: cell {i} is '{cell}'");
                if (cell.StartsWith('\'') && Hostile.Contains(cell[1..]))
                    texts++;
            }
        }

        Assert.True(cells > 10, export);
        Assert.True(texts >= 3, $"{export}: the hostile texts came back escaped ({texts})");
    }

    [Fact]
    public void Negative_amounts_stay_numbers_and_plain_text_is_untouched()
    {
        Assert.Equal("'=1+1", SafeCsv.Neutralise("=1+1"));
        Assert.Equal("CC-1200", SafeCsv.Neutralise("CC-1200"));
        var csv = SafeCsv.Write(["a", "b"], [[-12.50m, "E1001"]]);
        Assert.Equal("a,b\r\n-12.50,E1001\r\n", csv);
    }
}

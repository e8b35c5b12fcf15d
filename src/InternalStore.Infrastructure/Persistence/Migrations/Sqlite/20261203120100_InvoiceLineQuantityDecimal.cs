using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InternalStore.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <summary>
    /// An invoice line for metered services bills a fractional quantity (hours, minutes). SQLite rebuilds the table for this change, with foreign keys off, outside a
    /// transaction; alone in its migration, nothing else can be left half applied if it stops (EF's warning 20410).
    /// </summary>
    public partial class InvoiceLineQuantityDecimal : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<decimal>(
                name: "Quantity",
                table: "intercompany_invoice_lines",
                type: "TEXT",
                precision: 19,
                scale: 4,
                nullable: false,
                oldClrType: typeof(int),
                oldType: "INTEGER");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<int>(
                name: "Quantity",
                table: "intercompany_invoice_lines",
                type: "INTEGER",
                nullable: false,
                oldClrType: typeof(decimal),
                oldType: "TEXT",
                oldPrecision: 19,
                oldScale: 4);
        }
    }
}

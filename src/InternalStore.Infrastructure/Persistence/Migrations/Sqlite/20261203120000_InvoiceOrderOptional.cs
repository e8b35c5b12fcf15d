using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InternalStore.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <summary>
    /// An intercompany invoice for a month of services has no order. SQLite rebuilds the table for this change, with foreign keys off, outside a
    /// transaction; alone in its migration, nothing else can be left half applied if it stops (EF's warning 20410).
    /// </summary>
    public partial class InvoiceOrderOptional : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<Guid>(
                name: "OrderId",
                table: "intercompany_invoices",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "TEXT");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<Guid>(
                name: "OrderId",
                table: "intercompany_invoices",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "TEXT",
                oldNullable: true);
        }
    }
}

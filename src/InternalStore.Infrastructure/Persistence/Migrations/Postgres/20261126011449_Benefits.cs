using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace InternalStore.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Benefits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SupplyKindOverride",
                table: "products",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "ExternalUnitPrice",
                table: "order_lines",
                type: "numeric(19,4)",
                precision: 19,
                scale: 4,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<string>(
                name: "SupplyKind",
                table: "order_lines",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Goods");

            migrationBuilder.AddColumn<string>(
                name: "LineOfBusiness",
                table: "companies",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            // Lines placed before benefits were recorded are measured against their list price.
            migrationBuilder.Sql("UPDATE order_lines SET \"ExternalUnitPrice\" = \"ListPrice\"");

            migrationBuilder.CreateTable(
                name: "benefit_entries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EmployeeId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    OrderId = table.Column<Guid>(type: "uuid", nullable: false),
                    Sku = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Period = table.Column<DateOnly>(type: "date", nullable: false),
                    Quantity = table.Column<int>(type: "integer", nullable: false),
                    Discount = table.Column<decimal>(type: "numeric(19,4)", precision: 19, scale: 4, nullable: false),
                    QualifiedLimit = table.Column<decimal>(type: "numeric(19,4)", precision: 19, scale: 4, nullable: false),
                    TaxableExcess = table.Column<decimal>(type: "numeric(19,4)", precision: 19, scale: 4, nullable: false),
                    Rule = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_benefit_entries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "gross_profit_rates",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CompanyCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    LineOfBusiness = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Percent = table.Column<decimal>(type: "numeric(19,4)", precision: 19, scale: 4, nullable: false),
                    SetBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    SetAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_gross_profit_rates", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_benefit_entries_EmployeeId_Period",
                table: "benefit_entries",
                columns: new[] { "EmployeeId", "Period" });

            migrationBuilder.CreateIndex(
                name: "IX_benefit_entries_OrderId",
                table: "benefit_entries",
                column: "OrderId");

            migrationBuilder.CreateIndex(
                name: "IX_benefit_entries_Period",
                table: "benefit_entries",
                column: "Period");

            migrationBuilder.CreateIndex(
                name: "IX_gross_profit_rates_CompanyCode_LineOfBusiness_Year",
                table: "gross_profit_rates",
                columns: new[] { "CompanyCode", "LineOfBusiness", "Year" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "benefit_entries");

            migrationBuilder.DropTable(
                name: "gross_profit_rates");

            migrationBuilder.DropColumn(
                name: "SupplyKindOverride",
                table: "products");

            migrationBuilder.DropColumn(
                name: "ExternalUnitPrice",
                table: "order_lines");

            migrationBuilder.DropColumn(
                name: "SupplyKind",
                table: "order_lines");

            migrationBuilder.DropColumn(
                name: "LineOfBusiness",
                table: "companies");
        }
    }
}

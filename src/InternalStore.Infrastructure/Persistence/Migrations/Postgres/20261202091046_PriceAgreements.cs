using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace InternalStore.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PriceAgreements : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PricingMethod",
                table: "intercompany_invoice_lines",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "cost-plus");

            migrationBuilder.AddColumn<decimal>(
                name: "UnitCost",
                table: "intercompany_invoice_lines",
                type: "numeric(19,4)",
                precision: 19,
                scale: 4,
                nullable: false,
                defaultValue: 0m);

            // Invoices issued before this change get the unit cost of their order's line, so their markup shows too.
            migrationBuilder.Sql("""
                UPDATE intercompany_invoice_lines SET "UnitCost" = COALESCE((
                    SELECT l."UnitCost" FROM order_lines l JOIN intercompany_invoices i ON i."OrderId" = l."OrderId"
                    WHERE i."Id" = intercompany_invoice_lines."InvoiceId" AND l."Sku" = intercompany_invoice_lines."Sku" LIMIT 1), 0);
                """);

            migrationBuilder.CreateTable(
                name: "price_agreements",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SellerCompany = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    BuyerKind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    BuyerCompany = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CostCenter = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Sku = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    UnitPrice = table.Column<decimal>(type: "numeric(19,4)", precision: 19, scale: 4, nullable: false),
                    Currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    UnitCost = table.Column<decimal>(type: "numeric(19,4)", precision: 19, scale: 4, nullable: false),
                    MarkupPercent = table.Column<decimal>(type: "numeric(19,4)", precision: 19, scale: 4, nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    To = table.Column<DateOnly>(type: "date", nullable: false),
                    AgreedTo = table.Column<DateOnly>(type: "date", nullable: false),
                    QuoteRequestId = table.Column<Guid>(type: "uuid", nullable: false),
                    OfferVersion = table.Column<int>(type: "integer", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    EndedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    EndedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    EndReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    IdempotencyKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RequestHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_price_agreements", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_price_agreements_BuyerKind_BuyerCompany_CostCenter_To",
                table: "price_agreements",
                columns: new[] { "BuyerKind", "BuyerCompany", "CostCenter", "To" });

            migrationBuilder.CreateIndex(
                name: "IX_price_agreements_CreatedBy_IdempotencyKey_Sku",
                table: "price_agreements",
                columns: new[] { "CreatedBy", "IdempotencyKey", "Sku" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_price_agreements_QuoteRequestId",
                table: "price_agreements",
                column: "QuoteRequestId");

            migrationBuilder.CreateIndex(
                name: "IX_price_agreements_SellerCompany_To",
                table: "price_agreements",
                columns: new[] { "SellerCompany", "To" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "price_agreements");

            migrationBuilder.DropColumn(
                name: "PricingMethod",
                table: "intercompany_invoice_lines");

            migrationBuilder.DropColumn(
                name: "UnitCost",
                table: "intercompany_invoice_lines");
        }
    }
}

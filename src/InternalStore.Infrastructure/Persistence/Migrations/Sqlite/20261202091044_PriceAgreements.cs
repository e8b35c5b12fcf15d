using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InternalStore.Infrastructure.Persistence.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "cost-plus");

            migrationBuilder.AddColumn<decimal>(
                name: "UnitCost",
                table: "intercompany_invoice_lines",
                type: "TEXT",
                precision: 19,
                scale: 4,
                nullable: false,
                defaultValue: 0m);

            // Invoices issued before this change get the unit cost of their order's line, so their markup shows too.
            migrationBuilder.Sql("""
                UPDATE intercompany_invoice_lines SET "UnitCost" = COALESCE((
                    SELECT l."UnitCost" FROM order_lines l JOIN intercompany_invoices i ON i."OrderId" = l."OrderId"
                    WHERE i."Id" = intercompany_invoice_lines."InvoiceId" AND l."Sku" = intercompany_invoice_lines."Sku" LIMIT 1), '0.0');
                """);

            migrationBuilder.CreateTable(
                name: "price_agreements",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SellerCompany = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    BuyerKind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    BuyerCompany = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CostCenter = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Sku = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UnitPrice = table.Column<decimal>(type: "TEXT", precision: 19, scale: 4, nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    UnitCost = table.Column<decimal>(type: "TEXT", precision: 19, scale: 4, nullable: false),
                    MarkupPercent = table.Column<decimal>(type: "TEXT", precision: 19, scale: 4, nullable: false),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    To = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AgreedTo = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    QuoteRequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OfferVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    EndReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    IdempotencyKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RequestHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
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

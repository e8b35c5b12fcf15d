using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InternalStore.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InternalServices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "CorrectsId",
                table: "journal_entries",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SupplierCostCenter",
                table: "journal_entries",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "UsageEntryId",
                table: "journal_entries",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ServiceMonth",
                table: "intercompany_invoices",
                type: "TEXT",
                maxLength: 7,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "accounting_periods",
                columns: table => new
                {
                    Company = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Month = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Mode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    EntriesPriced = table.Column<int>(type: "INTEGER", nullable: false),
                    JournalEntries = table.Column<int>(type: "INTEGER", nullable: false),
                    Invoices = table.Column<int>(type: "INTEGER", nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 19, scale: 4, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_accounting_periods", x => new { x.Company, x.Month });
                });

            migrationBuilder.CreateTable(
                name: "cost_allocation_settings",
                columns: table => new
                {
                    Company = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Mode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cost_allocation_settings", x => x.Company);
                });

            migrationBuilder.CreateTable(
                name: "internal_services",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    SupplierCostCenter = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Company = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_internal_services", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "statement_acceptances",
                columns: table => new
                {
                    CostCenter = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Month = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 19, scale: 4, nullable: false),
                    AcceptedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    AcceptedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_statement_acceptances", x => new { x.CostCenter, x.Month });
                });

            migrationBuilder.CreateTable(
                name: "statement_disputes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    LineKind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    LineId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CostCenter = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ConsumerCompany = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SupplierCostCenter = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    SupplierCompany = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Month = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 19, scale: 4, nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    RaisedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RaisedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Resolution = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ResolvedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ResolvedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AdjustedAmount = table.Column<decimal>(type: "TEXT", precision: 19, scale: 4, nullable: true),
                    AdjustmentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AdjustmentMonth = table.Column<string>(type: "TEXT", maxLength: 7, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_statement_disputes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "usage_entries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ServiceId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ServiceName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SupplierCostCenter = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SupplierCompany = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ConsumerCostCenter = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ConsumerCompany = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Quantity = table.Column<decimal>(type: "TEXT", precision: 19, scale: 4, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    EnteredBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    EnteredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    IdempotencyKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    RequestHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CorrectsId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReversedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    DisputeId = table.Column<Guid>(type: "TEXT", nullable: true),
                    UnitRate = table.Column<decimal>(type: "TEXT", precision: 19, scale: 4, nullable: true),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 19, scale: 4, nullable: true),
                    Cost = table.Column<decimal>(type: "TEXT", precision: 19, scale: 4, nullable: true),
                    MarkupPercent = table.Column<decimal>(type: "TEXT", precision: 19, scale: 4, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_usage_entries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "internal_service_rates",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UnitRate = table.Column<decimal>(type: "TEXT", precision: 19, scale: 4, nullable: false),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Consumer = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    SetBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SetAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ServiceId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_internal_service_rates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_internal_service_rates_internal_services_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "internal_services",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_journal_entries_UsageEntryId",
                table: "journal_entries",
                column: "UsageEntryId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_internal_service_rates_ServiceId",
                table: "internal_service_rates",
                column: "ServiceId");

            migrationBuilder.CreateIndex(
                name: "IX_internal_services_SupplierCostCenter",
                table: "internal_services",
                column: "SupplierCostCenter");

            migrationBuilder.CreateIndex(
                name: "IX_statement_disputes_CostCenter_Month",
                table: "statement_disputes",
                columns: new[] { "CostCenter", "Month" });

            migrationBuilder.CreateIndex(
                name: "IX_statement_disputes_LineId",
                table: "statement_disputes",
                column: "LineId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_statement_disputes_SupplierCompany_Status",
                table: "statement_disputes",
                columns: new[] { "SupplierCompany", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_usage_entries_ConsumerCostCenter_Date",
                table: "usage_entries",
                columns: new[] { "ConsumerCostCenter", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_usage_entries_EnteredBy_IdempotencyKey",
                table: "usage_entries",
                columns: new[] { "EnteredBy", "IdempotencyKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_usage_entries_SupplierCompany_Date",
                table: "usage_entries",
                columns: new[] { "SupplierCompany", "Date" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "accounting_periods");

            migrationBuilder.DropTable(
                name: "cost_allocation_settings");

            migrationBuilder.DropTable(
                name: "internal_service_rates");

            migrationBuilder.DropTable(
                name: "statement_acceptances");

            migrationBuilder.DropTable(
                name: "statement_disputes");

            migrationBuilder.DropTable(
                name: "usage_entries");

            migrationBuilder.DropTable(
                name: "internal_services");

            migrationBuilder.DropIndex(
                name: "IX_journal_entries_UsageEntryId",
                table: "journal_entries");

            migrationBuilder.DropColumn(
                name: "CorrectsId",
                table: "journal_entries");

            migrationBuilder.DropColumn(
                name: "SupplierCostCenter",
                table: "journal_entries");

            migrationBuilder.DropColumn(
                name: "UsageEntryId",
                table: "journal_entries");

            migrationBuilder.DropColumn(
                name: "ServiceMonth",
                table: "intercompany_invoices");
        }
    }
}

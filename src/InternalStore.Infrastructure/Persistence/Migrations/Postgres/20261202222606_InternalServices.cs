using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace InternalStore.Infrastructure.Persistence.Migrations.Postgres
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
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SupplierCostCenter",
                table: "journal_entries",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "UsageEntryId",
                table: "journal_entries",
                type: "uuid",
                nullable: true);

            migrationBuilder.AlterColumn<Guid>(
                name: "OrderId",
                table: "intercompany_invoices",
                type: "uuid",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uuid");

            migrationBuilder.AddColumn<string>(
                name: "ServiceMonth",
                table: "intercompany_invoices",
                type: "character varying(7)",
                maxLength: 7,
                nullable: true);

            migrationBuilder.AlterColumn<decimal>(
                name: "Quantity",
                table: "intercompany_invoice_lines",
                type: "numeric(19,4)",
                precision: 19,
                scale: 4,
                nullable: false,
                oldClrType: typeof(int),
                oldType: "integer");

            migrationBuilder.CreateTable(
                name: "accounting_periods",
                columns: table => new
                {
                    Company = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Month = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ClosedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Mode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    EntriesPriced = table.Column<int>(type: "integer", nullable: false),
                    JournalEntries = table.Column<int>(type: "integer", nullable: false),
                    Invoices = table.Column<int>(type: "integer", nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(19,4)", precision: 19, scale: 4, nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_accounting_periods", x => new { x.Company, x.Month });
                });

            migrationBuilder.CreateTable(
                name: "cost_allocation_settings",
                columns: table => new
                {
                    Company = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Mode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cost_allocation_settings", x => x.Company);
                });

            migrationBuilder.CreateTable(
                name: "internal_services",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Unit = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Active = table.Column<bool>(type: "boolean", nullable: false),
                    SupplierCostCenter = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Company = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_internal_services", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "statement_acceptances",
                columns: table => new
                {
                    CostCenter = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Month = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(19,4)", precision: 19, scale: 4, nullable: false),
                    AcceptedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    AcceptedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_statement_acceptances", x => new { x.CostCenter, x.Month });
                });

            migrationBuilder.CreateTable(
                name: "statement_disputes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    LineKind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    LineId = table.Column<Guid>(type: "uuid", nullable: false),
                    CostCenter = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ConsumerCompany = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SupplierCostCenter = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    SupplierCompany = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Month = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(19,4)", precision: 19, scale: 4, nullable: false),
                    Currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    RaisedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RaisedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Resolution = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ResolvedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ResolvedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AdjustedAmount = table.Column<decimal>(type: "numeric(19,4)", precision: 19, scale: 4, nullable: true),
                    AdjustmentId = table.Column<Guid>(type: "uuid", nullable: true),
                    AdjustmentMonth = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_statement_disputes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "usage_entries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ServiceId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ServiceName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Unit = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SupplierCostCenter = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SupplierCompany = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ConsumerCostCenter = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ConsumerCompany = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    Quantity = table.Column<decimal>(type: "numeric(19,4)", precision: 19, scale: 4, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Reference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    EnteredBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    EnteredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    IdempotencyKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    RequestHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    CorrectsId = table.Column<Guid>(type: "uuid", nullable: true),
                    ReversedById = table.Column<Guid>(type: "uuid", nullable: true),
                    DisputeId = table.Column<Guid>(type: "uuid", nullable: true),
                    UnitRate = table.Column<decimal>(type: "numeric(19,4)", precision: 19, scale: 4, nullable: true),
                    Amount = table.Column<decimal>(type: "numeric(19,4)", precision: 19, scale: 4, nullable: true),
                    Cost = table.Column<decimal>(type: "numeric(19,4)", precision: 19, scale: 4, nullable: true),
                    MarkupPercent = table.Column<decimal>(type: "numeric(19,4)", precision: 19, scale: 4, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_usage_entries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "internal_service_rates",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UnitRate = table.Column<decimal>(type: "numeric(19,4)", precision: 19, scale: 4, nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    Consumer = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    SetBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SetAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ServiceId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
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

            migrationBuilder.AlterColumn<Guid>(
                name: "OrderId",
                table: "intercompany_invoices",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true);

            migrationBuilder.AlterColumn<int>(
                name: "Quantity",
                table: "intercompany_invoice_lines",
                type: "integer",
                nullable: false,
                oldClrType: typeof(decimal),
                oldType: "numeric(19,4)",
                oldPrecision: 19,
                oldScale: 4);
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InternalStore.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Subscriptions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "SubscriptionId",
                table: "benefit_entries",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "service_plans",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Sku = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Provider = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Period = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PricePerPeriod = table.Column<decimal>(type: "TEXT", precision: 19, scale: 4, nullable: false),
                    CostPerPeriod = table.Column<decimal>(type: "TEXT", precision: 19, scale: 4, nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    MinimumTermPeriods = table.Column<int>(type: "INTEGER", nullable: false),
                    NoticeDays = table.Column<int>(type: "INTEGER", nullable: false),
                    AfterProbationOnly = table.Column<bool>(type: "INTEGER", nullable: false),
                    EnrolmentOpens = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EnrolmentCloses = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AllowsPause = table.Column<bool>(type: "INTEGER", nullable: false),
                    AllowsImmediateCancel = table.Column<bool>(type: "INTEGER", nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    Companies = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_service_plans", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "subscription_charges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SubscriptionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Sku = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    EmployeeId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Company = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PayDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CoverageFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CoverageTo = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ExternalAmount = table.Column<decimal>(type: "TEXT", precision: 19, scale: 4, nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 19, scale: 4, nullable: false),
                    AllowanceTaken = table.Column<decimal>(type: "TEXT", precision: 19, scale: 4, nullable: false),
                    ArrearsIn = table.Column<decimal>(type: "TEXT", precision: 19, scale: 4, nullable: false),
                    Collected = table.Column<decimal>(type: "TEXT", precision: 19, scale: 4, nullable: false),
                    ArrearsOut = table.Column<decimal>(type: "TEXT", precision: 19, scale: 4, nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Explanation = table.Column<string>(type: "TEXT", maxLength: 100000, nullable: false),
                    BilledAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_subscription_charges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "subscriptions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    EmployeeId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Company = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    NextCompany = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    NextCompanyFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    EnrolledAt = table.Column<long>(type: "INTEGER", nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EndReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    EndedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    PausedFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ResumesOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Arrears = table.Column<decimal>(type: "TEXT", precision: 19, scale: 4, nullable: false),
                    MissedPeriods = table.Column<int>(type: "INTEGER", nullable: false),
                    ChargePerPeriod = table.Column<decimal>(type: "TEXT", precision: 19, scale: 4, nullable: false),
                    LastBilledPeriod = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    IdempotencyKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_subscriptions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "service_plan_prices",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlanId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    PricePerPeriod = table.Column<decimal>(type: "TEXT", precision: 19, scale: 4, nullable: false),
                    CostPerPeriod = table.Column<decimal>(type: "TEXT", precision: 19, scale: 4, nullable: false),
                    ChangedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ChangedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ChangedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_service_plan_prices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_service_plan_prices_service_plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "service_plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_benefit_entries_SubscriptionId",
                table: "benefit_entries",
                column: "SubscriptionId");

            migrationBuilder.CreateIndex(
                name: "IX_service_plan_prices_PlanId",
                table: "service_plan_prices",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_service_plans_Sku",
                table: "service_plans",
                column: "Sku");

            migrationBuilder.CreateIndex(
                name: "IX_subscription_charges_EmployeeId_PayDate",
                table: "subscription_charges",
                columns: new[] { "EmployeeId", "PayDate" });

            migrationBuilder.CreateIndex(
                name: "IX_subscription_charges_PayDate_PlanId",
                table: "subscription_charges",
                columns: new[] { "PayDate", "PlanId" });

            migrationBuilder.CreateIndex(
                name: "IX_subscription_charges_SubscriptionId_PayDate_Kind",
                table: "subscription_charges",
                columns: new[] { "SubscriptionId", "PayDate", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_subscriptions_EmployeeId_IdempotencyKey",
                table: "subscriptions",
                columns: new[] { "EmployeeId", "IdempotencyKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_subscriptions_EmployeeId_PlanId_EnrolledAt",
                table: "subscriptions",
                columns: new[] { "EmployeeId", "PlanId", "EnrolledAt" });

            migrationBuilder.CreateIndex(
                name: "IX_subscriptions_PlanId_Status",
                table: "subscriptions",
                columns: new[] { "PlanId", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "service_plan_prices");

            migrationBuilder.DropTable(
                name: "subscription_charges");

            migrationBuilder.DropTable(
                name: "subscriptions");

            migrationBuilder.DropTable(
                name: "service_plans");

            migrationBuilder.DropIndex(
                name: "IX_benefit_entries_SubscriptionId",
                table: "benefit_entries");

            migrationBuilder.DropColumn(
                name: "SubscriptionId",
                table: "benefit_entries");
        }
    }
}

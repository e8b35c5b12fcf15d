using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InternalStore.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SupportCases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "support_calendars",
                columns: table => new
                {
                    Company = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    TimeZone = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    WorkingDays = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Opens = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    Closes = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    Holidays = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_support_calendars", x => x.Company);
                });

            migrationBuilder.CreateTable(
                name: "support_cases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Company = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Team = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Priority = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RequesterId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RequesterRole = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Assignee = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FirstResponseAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SolvedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PendingSince = table.Column<long>(type: "INTEGER", nullable: true),
                    PausedBusinessTime = table.Column<TimeSpan>(type: "TEXT", nullable: false),
                    FirstResponseBreached = table.Column<bool>(type: "INTEGER", nullable: true),
                    ResolutionBreached = table.Column<bool>(type: "INTEGER", nullable: true),
                    Rating = table.Column<int>(type: "INTEGER", nullable: true),
                    IdempotencyKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    RequestHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_support_cases", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "support_case_links",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Type = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Target = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_support_case_links", x => x.Id);
                    table.ForeignKey(
                        name: "FK_support_case_links_support_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "support_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "support_case_messages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Author = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ByStaff = table.Column<bool>(type: "INTEGER", nullable: false),
                    Internal = table.Column<bool>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_support_case_messages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_support_case_messages_support_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "support_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_support_case_links_CaseId",
                table: "support_case_links",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_support_case_links_Type_Target",
                table: "support_case_links",
                columns: new[] { "Type", "Target" });

            migrationBuilder.CreateIndex(
                name: "IX_support_case_messages_CaseId",
                table: "support_case_messages",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_support_cases_Company_Team_State",
                table: "support_cases",
                columns: new[] { "Company", "Team", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_support_cases_RequesterId",
                table: "support_cases",
                column: "RequesterId");

            migrationBuilder.CreateIndex(
                name: "IX_support_cases_RequesterId_IdempotencyKey",
                table: "support_cases",
                columns: new[] { "RequesterId", "IdempotencyKey" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "support_calendars");

            migrationBuilder.DropTable(
                name: "support_case_links");

            migrationBuilder.DropTable(
                name: "support_case_messages");

            migrationBuilder.DropTable(
                name: "support_cases");
        }
    }
}

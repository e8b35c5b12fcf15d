using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InternalStore.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ScimProvisioning : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ExternalId",
                table: "employees",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FamilyName",
                table: "employees",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "GivenName",
                table: "employees",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NormalizedUserName",
                table: "employees",
                type: "TEXT",
                maxLength: 320,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UserName",
                table: "employees",
                type: "TEXT",
                maxLength: 320,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "scim_tokens",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CompanyCode = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Prefix = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RevokedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_scim_tokens", x => x.Id);
                    table.ForeignKey(
                        name: "FK_scim_tokens_companies_CompanyCode",
                        column: x => x.CompanyCode,
                        principalTable: "companies",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_employees_NormalizedUserName",
                table: "employees",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_scim_tokens_CompanyCode",
                table: "scim_tokens",
                column: "CompanyCode");

            migrationBuilder.CreateIndex(
                name: "IX_scim_tokens_Hash",
                table: "scim_tokens",
                column: "Hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_scim_tokens_Prefix",
                table: "scim_tokens",
                column: "Prefix");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "scim_tokens");

            migrationBuilder.DropIndex(
                name: "IX_employees_NormalizedUserName",
                table: "employees");

            migrationBuilder.DropColumn(
                name: "ExternalId",
                table: "employees");

            migrationBuilder.DropColumn(
                name: "FamilyName",
                table: "employees");

            migrationBuilder.DropColumn(
                name: "GivenName",
                table: "employees");

            migrationBuilder.DropColumn(
                name: "NormalizedUserName",
                table: "employees");

            migrationBuilder.DropColumn(
                name: "UserName",
                table: "employees");
        }
    }
}

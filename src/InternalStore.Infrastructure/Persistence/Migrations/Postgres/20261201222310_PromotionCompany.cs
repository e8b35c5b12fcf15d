using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InternalStore.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PromotionCompany : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Company",
                table: "promotions",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_promotions_Company",
                table: "promotions",
                column: "Company");

            migrationBuilder.AddForeignKey(
                name: "FK_promotions_companies_Company",
                table: "promotions",
                column: "Company",
                principalTable: "companies",
                principalColumn: "Code",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_promotions_companies_Company",
                table: "promotions");

            migrationBuilder.DropIndex(
                name: "IX_promotions_Company",
                table: "promotions");

            migrationBuilder.DropColumn(
                name: "Company",
                table: "promotions");
        }
    }
}

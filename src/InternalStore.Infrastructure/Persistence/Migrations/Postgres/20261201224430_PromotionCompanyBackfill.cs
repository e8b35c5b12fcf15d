using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InternalStore.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PromotionCompanyBackfill : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Staff promotions made before promotions carried a company applied to the whole group: keep
            // that. Its own migration, so SQLite's rebuild of the table in the one before has run.
            migrationBuilder.Sql(
                "UPDATE promotions SET \"Company\" = (SELECT \"Code\" FROM companies WHERE \"ParentCode\" IS NULL ORDER BY \"Code\" LIMIT 1) "
                + "WHERE \"Audience\" = 'employee' AND \"Company\" IS NULL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InternalStore.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Negotiation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "negotiation_settings",
                columns: table => new
                {
                    Company = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    MinimumMarkupPercent = table.Column<decimal>(type: "TEXT", precision: 19, scale: 4, nullable: false),
                    AutoOfferBandPercent = table.Column<decimal>(type: "TEXT", precision: 19, scale: 4, nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_negotiation_settings", x => x.Company);
                });

            migrationBuilder.CreateTable(
                name: "quote_requests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BuyerKind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    BuyerId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    BuyerRole = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ClaimCompany = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    BuyerCompany = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CostCenter = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Affiliate = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    SellerCompany = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    TargetTotal = table.Column<decimal>(type: "TEXT", precision: 19, scale: 4, nullable: true),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    IdempotencyKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RequestHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AcceptKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    OrderId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_quote_requests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "quote_offers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Author = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ValidUntil = table.Column<long>(type: "INTEGER", nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Automatic = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    NeedsApproval = table.Column<bool>(type: "INTEGER", nullable: false),
                    ApprovedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ApprovedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ApprovalReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_quote_offers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_quote_offers_quote_requests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "quote_requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "quote_request_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    What = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Before = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    After = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_quote_request_events", x => x.Id);
                    table.ForeignKey(
                        name: "FK_quote_request_events_quote_requests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "quote_requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "quote_request_lines",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sku = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Quantity = table.Column<int>(type: "INTEGER", nullable: false),
                    TargetUnitPrice = table.Column<decimal>(type: "TEXT", precision: 19, scale: 4, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_quote_request_lines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_quote_request_lines_quote_requests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "quote_requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "quote_offer_lines",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Sku = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Quantity = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitPrice = table.Column<decimal>(type: "TEXT", precision: 19, scale: 4, nullable: false),
                    UnitCost = table.Column<decimal>(type: "TEXT", precision: 19, scale: 4, nullable: false),
                    StandardUnitPrice = table.Column<decimal>(type: "TEXT", precision: 19, scale: 4, nullable: false),
                    Floor = table.Column<decimal>(type: "TEXT", precision: 19, scale: 4, nullable: false),
                    OfferId = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_quote_offer_lines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_quote_offer_lines_quote_offers_OfferId",
                        column: x => x.OfferId,
                        principalTable: "quote_offers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_quote_offer_lines_OfferId",
                table: "quote_offer_lines",
                column: "OfferId");

            migrationBuilder.CreateIndex(
                name: "IX_quote_offers_RequestId_Version",
                table: "quote_offers",
                columns: new[] { "RequestId", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_quote_request_events_RequestId",
                table: "quote_request_events",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_quote_request_lines_RequestId",
                table: "quote_request_lines",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_quote_requests_BuyerId_IdempotencyKey",
                table: "quote_requests",
                columns: new[] { "BuyerId", "IdempotencyKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_quote_requests_SellerCompany_Status",
                table: "quote_requests",
                columns: new[] { "SellerCompany", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "negotiation_settings");

            migrationBuilder.DropTable(
                name: "quote_offer_lines");

            migrationBuilder.DropTable(
                name: "quote_request_events");

            migrationBuilder.DropTable(
                name: "quote_request_lines");

            migrationBuilder.DropTable(
                name: "quote_offers");

            migrationBuilder.DropTable(
                name: "quote_requests");
        }
    }
}

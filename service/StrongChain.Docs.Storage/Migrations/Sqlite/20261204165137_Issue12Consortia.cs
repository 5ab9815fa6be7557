using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StrongChain.Docs.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Issue12Consortia : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Consortia",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 96, nullable: false),
                    AgreementId = table.Column<string>(type: "TEXT", maxLength: 96, nullable: false),
                    AgreementVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    ApplicationId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ApplicationVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    RoundId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DemandId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DemandTitle = table.Column<string>(type: "TEXT", nullable: false),
                    Sector = table.Column<string>(type: "TEXT", nullable: false),
                    LeadCreditCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    LeadName = table.Column<string>(type: "TEXT", nullable: false),
                    AgreedBudget = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    IssuerFunds = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    ApplicantFunds = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    JointInvestment = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    SupportRatio = table.Column<decimal>(type: "TEXT", precision: 9, scale: 4, nullable: false),
                    RequestedSupport = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    SupportAmount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PartiesJson = table.Column<string>(type: "TEXT", nullable: false),
                    MilestonesJson = table.Column<string>(type: "TEXT", nullable: false),
                    BudgetItemsJson = table.Column<string>(type: "TEXT", nullable: false),
                    SignedFileName = table.Column<string>(type: "TEXT", nullable: false),
                    SignedContentType = table.Column<string>(type: "TEXT", nullable: false),
                    SignedSize = table.Column<long>(type: "INTEGER", nullable: false),
                    SignedSha256 = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    SignedFile = table.Column<byte[]>(type: "BLOB", nullable: false),
                    SignedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    SignedBy = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Consortia", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Consortia_Agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "Agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RoundTargets",
                columns: table => new
                {
                    RoundId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ConsortiumTarget = table.Column<int>(type: "INTEGER", nullable: false),
                    SupportBudget = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoundTargets", x => x.RoundId);
                    table.ForeignKey(
                        name: "FK_RoundTargets_Rounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "Rounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ApplicationVersions_Dashboard",
                table: "ApplicationVersions",
                columns: new[] { "ApplicationId", "Version", "Complete", "Eligible" });

            migrationBuilder.CreateIndex(
                name: "IX_Consortia_AgreementId",
                table: "Consortia",
                column: "AgreementId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Consortia_RoundId",
                table: "Consortia",
                column: "RoundId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Consortia");

            migrationBuilder.DropTable(
                name: "RoundTargets");

            migrationBuilder.DropIndex(
                name: "IX_ApplicationVersions_Dashboard",
                table: "ApplicationVersions");
        }
    }
}

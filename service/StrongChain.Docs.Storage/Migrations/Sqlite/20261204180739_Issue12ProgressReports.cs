using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StrongChain.Docs.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Issue12ProgressReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ProgressReports",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 112, nullable: false),
                    ConsortiumId = table.Column<string>(type: "TEXT", maxLength: 96, nullable: false),
                    MilestoneNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    RoundId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    LatestVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    AchievedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgressReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProgressReports_Consortia_ConsortiumId",
                        column: x => x.ConsortiumId,
                        principalTable: "Consortia",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ProgressReportVersions",
                columns: table => new
                {
                    ReportId = table.Column<string>(type: "TEXT", maxLength: 112, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    ReceiptNo = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Bytes = table.Column<byte[]>(type: "BLOB", nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    SubmittedBy = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    AchievedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RecordJson = table.Column<string>(type: "TEXT", nullable: false),
                    FindingsJson = table.Column<string>(type: "TEXT", nullable: false),
                    WarningCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgressReportVersions", x => new { x.ReportId, x.Version });
                    table.ForeignKey(
                        name: "FK_ProgressReportVersions_ProgressReports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "ProgressReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ProgressReports_ConsortiumId_MilestoneNumber",
                table: "ProgressReports",
                columns: new[] { "ConsortiumId", "MilestoneNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProgressReports_RoundId_ConsortiumId_MilestoneNumber_AchievedOn",
                table: "ProgressReports",
                columns: new[] { "RoundId", "ConsortiumId", "MilestoneNumber", "AchievedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ProgressReportVersions_ReceiptNo",
                table: "ProgressReportVersions",
                column: "ReceiptNo",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ProgressReportVersions");

            migrationBuilder.DropTable(
                name: "ProgressReports");
        }
    }
}

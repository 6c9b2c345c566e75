using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vigia.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class FollowUps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "FollowUps",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    CutOffDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CutOffNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    PublicationDeadline = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    PreviousVersionId = table.Column<int>(type: "INTEGER", nullable: true),
                    CorrectionReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    CreatedById = table.Column<string>(type: "TEXT", nullable: true),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ClosedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    ClosedById = table.Column<string>(type: "TEXT", nullable: true),
                    ClosedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SnapshotJson = table.Column<string>(type: "TEXT", nullable: true),
                    SnapshotSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ProgrammedCount = table.Column<int>(type: "INTEGER", nullable: true),
                    CompletedCount = table.Column<int>(type: "INTEGER", nullable: true),
                    CompliancePercent = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    AverageProgress = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    ComplianceBand = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    PublishedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    PublishedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PublishedById = table.Column<string>(type: "TEXT", nullable: true),
                    PublishedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PublishedLate = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FollowUps_FollowUps_PreviousVersionId",
                        column: x => x.PreviousVersionId,
                        principalTable: "FollowUps",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FollowUps_Plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "Plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FollowUpAssessments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FollowUpId = table.Column<int>(type: "INTEGER", nullable: false),
                    ActionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    VerifiedPercent = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    VerifiedQuantity = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    Observations = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    AssessedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    AssessedById = table.Column<string>(type: "TEXT", nullable: true),
                    AssessedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUpAssessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FollowUpAssessments_FollowUps_FollowUpId",
                        column: x => x.FollowUpId,
                        principalTable: "FollowUps",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FollowUpComponentNotes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FollowUpId = table.Column<int>(type: "INTEGER", nullable: false),
                    ComponentNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    Observations = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    UpdatedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUpComponentNotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FollowUpComponentNotes_FollowUps_FollowUpId",
                        column: x => x.FollowUpId,
                        principalTable: "FollowUps",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpAssessments_FollowUpId_ActionId",
                table: "FollowUpAssessments",
                columns: new[] { "FollowUpId", "ActionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpComponentNotes_FollowUpId_ComponentNumber",
                table: "FollowUpComponentNotes",
                columns: new[] { "FollowUpId", "ComponentNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FollowUps_PlanId_CutOffDate_Version",
                table: "FollowUps",
                columns: new[] { "PlanId", "CutOffDate", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FollowUps_PreviousVersionId",
                table: "FollowUps",
                column: "PreviousVersionId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FollowUpAssessments");

            migrationBuilder.DropTable(
                name: "FollowUpComponentNotes");

            migrationBuilder.DropTable(
                name: "FollowUps");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Vigia.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class RiskMapVersionsTrackingUnitGroupsCheckpoints : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ProgressReports_Live",
                table: "ProgressReports");

            migrationBuilder.AddColumn<bool>(
                name: "IsSimulated",
                table: "ScheduleEntries",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "UnitId",
                table: "ProgressReports",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ActionPartTargets",
                columns: table => new
                {
                    ActionId = table.Column<int>(type: "integer", nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    Target = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActionPartTargets", x => new { x.ActionId, x.UnitId });
                    table.ForeignKey(
                        name: "FK_ActionPartTargets_Actions_ActionId",
                        column: x => x.ActionId,
                        principalTable: "Actions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ActionPartTargets_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ControlMonitorings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ControlId = table.Column<int>(type: "integer", nullable: false),
                    Month = table.Column<int>(type: "integer", nullable: false),
                    Executed = table.Column<bool>(type: "boolean", nullable: false),
                    Note = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SubmittedById = table.Column<string>(type: "text", nullable: true),
                    SubmittedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CorrectsId = table.Column<int>(type: "integer", nullable: true),
                    ReviewedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReviewedById = table.Column<string>(type: "text", nullable: true),
                    ReviewedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ReviewComment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ControlMonitorings", x => x.Id);
                    table.CheckConstraint("CK_ControlMonitorings_Month", "\"Month\" BETWEEN 1 AND 12");
                    table.ForeignKey(
                        name: "FK_ControlMonitorings_RiskControls_ControlId",
                        column: x => x.ControlId,
                        principalTable: "RiskControls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FollowUpRiskAssessments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FollowUpId = table.Column<int>(type: "integer", nullable: false),
                    RiskId = table.Column<int>(type: "integer", nullable: false),
                    Effective = table.Column<bool>(type: "boolean", nullable: false),
                    Observations = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    AssessedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AssessedById = table.Column<string>(type: "text", nullable: true),
                    AssessedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUpRiskAssessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FollowUpRiskAssessments_FollowUps_FollowUpId",
                        column: x => x.FollowUpId,
                        principalTable: "FollowUps",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_FollowUpRiskAssessments_Risks_RiskId",
                        column: x => x.RiskId,
                        principalTable: "Risks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PublishedCheckpoints",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublishedCheckpoints", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RiskMapVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EntityId = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Justification = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    PublishedBy = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    ApprovedBy = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    ApprovedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ApprovalNote = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Snapshot = table.Column<string>(type: "text", nullable: true),
                    SnapshotSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RiskMapVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RiskMapVersions_Entities_EntityId",
                        column: x => x.EntityId,
                        principalTable: "Entities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RiskMaterializations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RiskId = table.Column<int>(type: "integer", nullable: false),
                    OccurredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    InformedTo = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ReportedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedById = table.Column<string>(type: "text", nullable: true),
                    RecordedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ReassessedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReassessedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ReassessmentNote = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ReassessedInherentZone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    ReassessedResidualZone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    ReassessedControls = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RiskMaterializations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RiskMaterializations_Risks_RiskId",
                        column: x => x.RiskId,
                        principalTable: "Risks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "UnitGroups",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EntityId = table.Column<int>(type: "integer", nullable: false),
                    RuleKey = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UnitGroups", x => x.Id);
                    table.ForeignKey(
                        name: "FK_UnitGroups_Entities_EntityId",
                        column: x => x.EntityId,
                        principalTable: "Entities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ImprovementActions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MaterializationId = table.Column<int>(type: "integer", nullable: false),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ResponsibleUnitId = table.Column<int>(type: "integer", nullable: false),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Deliverable = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImprovementActions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ImprovementActions_RiskMaterializations_MaterializationId",
                        column: x => x.MaterializationId,
                        principalTable: "RiskMaterializations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ImprovementActions_Units_ResponsibleUnitId",
                        column: x => x.ResponsibleUnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RiskEvidence",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MonitoringId = table.Column<int>(type: "integer", nullable: true),
                    MaterializationId = table.Column<int>(type: "integer", nullable: true),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    FileName = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: true),
                    StorageKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ContentType = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    SizeBytes = table.Column<long>(type: "bigint", nullable: true),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Url = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    AddedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RiskEvidence", x => x.Id);
                    table.CheckConstraint("CK_RiskEvidence_OneOwner", "(\"MonitoringId\" IS NULL) <> (\"MaterializationId\" IS NULL)");
                    table.ForeignKey(
                        name: "FK_RiskEvidence_ControlMonitorings_MonitoringId",
                        column: x => x.MonitoringId,
                        principalTable: "ControlMonitorings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RiskEvidence_RiskMaterializations_MaterializationId",
                        column: x => x.MaterializationId,
                        principalTable: "RiskMaterializations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ActionUnitGroups",
                columns: table => new
                {
                    ActionId = table.Column<int>(type: "integer", nullable: false),
                    GroupId = table.Column<int>(type: "integer", nullable: false),
                    Spelling = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActionUnitGroups", x => new { x.ActionId, x.GroupId });
                    table.ForeignKey(
                        name: "FK_ActionUnitGroups_Actions_ActionId",
                        column: x => x.ActionId,
                        principalTable: "Actions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ActionUnitGroups_UnitGroups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "UnitGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "UnitGroupMembers",
                columns: table => new
                {
                    GroupId = table.Column<int>(type: "integer", nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UnitGroupMembers", x => new { x.GroupId, x.UnitId });
                    table.ForeignKey(
                        name: "FK_UnitGroupMembers_UnitGroups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "UnitGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_UnitGroupMembers_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "UnitGroupSpellings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    GroupId = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    NormalizedText = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UnitGroupSpellings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_UnitGroupSpellings_UnitGroups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "UnitGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ProgressReports_Live",
                table: "ProgressReports",
                columns: new[] { "ActionId", "Month" },
                unique: true,
                filter: "\"Status\" <> 'Superseded' AND \"UnitId\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ProgressReports_LivePart",
                table: "ProgressReports",
                columns: new[] { "ActionId", "UnitId", "Month" },
                unique: true,
                filter: "\"Status\" <> 'Superseded' AND \"UnitId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ProgressReports_UnitId",
                table: "ProgressReports",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_ActionPartTargets_UnitId",
                table: "ActionPartTargets",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_ActionUnitGroups_GroupId",
                table: "ActionUnitGroups",
                column: "GroupId");

            migrationBuilder.CreateIndex(
                name: "IX_ControlMonitorings_Live",
                table: "ControlMonitorings",
                columns: new[] { "ControlId", "Month" },
                unique: true,
                filter: "\"Status\" <> 'Superseded'");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpRiskAssessments_FollowUpId_RiskId",
                table: "FollowUpRiskAssessments",
                columns: new[] { "FollowUpId", "RiskId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpRiskAssessments_RiskId",
                table: "FollowUpRiskAssessments",
                column: "RiskId");

            migrationBuilder.CreateIndex(
                name: "IX_ImprovementActions_MaterializationId",
                table: "ImprovementActions",
                column: "MaterializationId");

            migrationBuilder.CreateIndex(
                name: "IX_ImprovementActions_ResponsibleUnitId",
                table: "ImprovementActions",
                column: "ResponsibleUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_PublishedCheckpoints_Day",
                table: "PublishedCheckpoints",
                column: "Day",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RiskEvidence_MaterializationId",
                table: "RiskEvidence",
                column: "MaterializationId");

            migrationBuilder.CreateIndex(
                name: "IX_RiskEvidence_MonitoringId",
                table: "RiskEvidence",
                column: "MonitoringId");

            migrationBuilder.CreateIndex(
                name: "IX_RiskMapVersions_EntityId_Year_Number",
                table: "RiskMapVersions",
                columns: new[] { "EntityId", "Year", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RiskMaterializations_RiskId",
                table: "RiskMaterializations",
                column: "RiskId");

            migrationBuilder.CreateIndex(
                name: "IX_UnitGroupMembers_UnitId",
                table: "UnitGroupMembers",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_UnitGroups_EntityId_RuleKey",
                table: "UnitGroups",
                columns: new[] { "EntityId", "RuleKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_UnitGroupSpellings_GroupId_NormalizedText",
                table: "UnitGroupSpellings",
                columns: new[] { "GroupId", "NormalizedText" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_ProgressReports_Units_UnitId",
                table: "ProgressReports",
                column: "UnitId",
                principalTable: "Units",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_ProgressReports_Units_UnitId",
                table: "ProgressReports");

            migrationBuilder.DropTable(
                name: "ActionPartTargets");

            migrationBuilder.DropTable(
                name: "ActionUnitGroups");

            migrationBuilder.DropTable(
                name: "FollowUpRiskAssessments");

            migrationBuilder.DropTable(
                name: "ImprovementActions");

            migrationBuilder.DropTable(
                name: "PublishedCheckpoints");

            migrationBuilder.DropTable(
                name: "RiskEvidence");

            migrationBuilder.DropTable(
                name: "RiskMapVersions");

            migrationBuilder.DropTable(
                name: "UnitGroupMembers");

            migrationBuilder.DropTable(
                name: "UnitGroupSpellings");

            migrationBuilder.DropTable(
                name: "ControlMonitorings");

            migrationBuilder.DropTable(
                name: "RiskMaterializations");

            migrationBuilder.DropTable(
                name: "UnitGroups");

            migrationBuilder.DropIndex(
                name: "IX_ProgressReports_Live",
                table: "ProgressReports");

            migrationBuilder.DropIndex(
                name: "IX_ProgressReports_LivePart",
                table: "ProgressReports");

            migrationBuilder.DropIndex(
                name: "IX_ProgressReports_UnitId",
                table: "ProgressReports");

            migrationBuilder.DropColumn(
                name: "IsSimulated",
                table: "ScheduleEntries");

            migrationBuilder.DropColumn(
                name: "UnitId",
                table: "ProgressReports");

            migrationBuilder.CreateIndex(
                name: "IX_ProgressReports_Live",
                table: "ProgressReports",
                columns: new[] { "ActionId", "Month" },
                unique: true,
                filter: "\"Status\" <> 'Superseded'");
        }
    }
}

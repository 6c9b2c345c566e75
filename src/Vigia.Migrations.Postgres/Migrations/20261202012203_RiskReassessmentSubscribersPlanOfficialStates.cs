using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Vigia.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class RiskReassessmentSubscribersPlanOfficialStates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "CorrectedAt",
                table: "RiskMaterializations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CorrectionReason",
                table: "RiskMaterializations",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WithdrawalReason",
                table: "RiskMaterializations",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "WithdrawnAt",
                table: "RiskMaterializations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WithdrawnByName",
                table: "RiskMaterializations",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ConsultationSubscribers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EntityId = table.Column<int>(type: "integer", nullable: false),
                    Email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    TokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    RequestedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ConfirmedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsultationSubscribers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConsultationSubscribers_Entities_EntityId",
                        column: x => x.EntityId,
                        principalTable: "Entities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlanOfficialStates",
                columns: table => new
                {
                    PlanId = table.Column<int>(type: "integer", nullable: false),
                    Months = table.Column<int>(type: "integer", nullable: false),
                    Activities = table.Column<int>(type: "integer", nullable: false),
                    ProgrammedActivities = table.Column<int>(type: "integer", nullable: false),
                    CompletedActivities = table.Column<int>(type: "integer", nullable: false),
                    Actions = table.Column<int>(type: "integer", nullable: false),
                    ProgrammedActions = table.Column<int>(type: "integer", nullable: false),
                    CompletedActions = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanOfficialStates", x => new { x.PlanId, x.Months });
                    table.ForeignKey(
                        name: "FK_PlanOfficialStates_Plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "Plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RiskAssessments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RiskId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    MethodId = table.Column<int>(type: "integer", nullable: false),
                    ActivityFrequency = table.Column<int>(type: "integer", nullable: false),
                    ImpactAnswers = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    InherentProbability = table.Column<int>(type: "integer", nullable: false),
                    InherentImpact = table.Column<int>(type: "integer", nullable: false),
                    InherentZone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ResidualProbability = table.Column<int>(type: "integer", nullable: false),
                    ResidualImpact = table.Column<int>(type: "integer", nullable: false),
                    ResidualZone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ResidualProbabilityValue = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    ResidualImpactValue = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    Controls = table.Column<int>(type: "integer", nullable: false),
                    AssessedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReplacedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReplacedByName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    ReplacementReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RiskAssessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RiskAssessments_RiskMethods_MethodId",
                        column: x => x.MethodId,
                        principalTable: "RiskMethods",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RiskAssessments_Risks_RiskId",
                        column: x => x.RiskId,
                        principalTable: "Risks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationSubscribers_EntityId_Email",
                table: "ConsultationSubscribers",
                columns: new[] { "EntityId", "Email" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationSubscribers_TokenHash",
                table: "ConsultationSubscribers",
                column: "TokenHash");

            migrationBuilder.CreateIndex(
                name: "IX_RiskAssessments_MethodId",
                table: "RiskAssessments",
                column: "MethodId");

            migrationBuilder.CreateIndex(
                name: "IX_RiskAssessments_RiskId_Number",
                table: "RiskAssessments",
                columns: new[] { "RiskId", "Number" },
                unique: true);

            // The stored states were written before a plan's official counts were stored beside them: forget them, so
            // every plan is evaluated again on its first read (plans without a state row are), counts included.
            migrationBuilder.Sql("DELETE FROM \"PlanComplianceStates\"");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ConsultationSubscribers");

            migrationBuilder.DropTable(
                name: "PlanOfficialStates");

            migrationBuilder.DropTable(
                name: "RiskAssessments");

            migrationBuilder.DropColumn(
                name: "CorrectedAt",
                table: "RiskMaterializations");

            migrationBuilder.DropColumn(
                name: "CorrectionReason",
                table: "RiskMaterializations");

            migrationBuilder.DropColumn(
                name: "WithdrawalReason",
                table: "RiskMaterializations");

            migrationBuilder.DropColumn(
                name: "WithdrawnAt",
                table: "RiskMaterializations");

            migrationBuilder.DropColumn(
                name: "WithdrawnByName",
                table: "RiskMaterializations");
        }
    }
}

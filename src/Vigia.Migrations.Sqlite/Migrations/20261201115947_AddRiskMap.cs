using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vigia.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddRiskMap : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Objective",
                table: "Processes",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ProcessLeaders",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    ProcessId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProcessLeaders", x => new { x.UserId, x.ProcessId });
                    table.ForeignKey(
                        name: "FK_ProcessLeaders_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ProcessLeaders_Processes_ProcessId",
                        column: x => x.ProcessId,
                        principalTable: "Processes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RiskMethods",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Content = table.Column<string>(type: "TEXT", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    LoadedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RiskMethods", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Risks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProcessId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Classification = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ActionOrOmission = table.Column<bool>(type: "INTEGER", nullable: false),
                    UseOfPower = table.Column<bool>(type: "INTEGER", nullable: false),
                    DeviationFromPublicInterest = table.Column<bool>(type: "INTEGER", nullable: false),
                    PrivateBenefit = table.Column<bool>(type: "INTEGER", nullable: false),
                    ImmediateCause = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    RootCause = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Consequences = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ActivityFrequency = table.Column<int>(type: "INTEGER", nullable: false),
                    ImpactAnswers = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    MethodId = table.Column<int>(type: "INTEGER", nullable: false),
                    InherentProbability = table.Column<int>(type: "INTEGER", nullable: false),
                    InherentImpact = table.Column<int>(type: "INTEGER", nullable: false),
                    InherentZone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ResidualProbability = table.Column<int>(type: "INTEGER", nullable: false),
                    ResidualImpact = table.Column<int>(type: "INTEGER", nullable: false),
                    ResidualZone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ResidualProbabilityValue = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    ResidualImpactValue = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    Treatment = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Risks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Risks_Processes_ProcessId",
                        column: x => x.ProcessId,
                        principalTable: "Processes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Risks_RiskMethods_MethodId",
                        column: x => x.MethodId,
                        principalTable: "RiskMethods",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RiskControls",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RiskId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ResponsiblePost = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Implementation = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Documentation = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Frequency = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Evidence = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Score = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RiskControls", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RiskControls_Risks_RiskId",
                        column: x => x.RiskId,
                        principalTable: "Risks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RiskTreatmentActions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RiskId = table.Column<int>(type: "INTEGER", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ResponsibleUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Deliverable = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Indicator = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    PlanActionId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RiskTreatmentActions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RiskTreatmentActions_Actions_PlanActionId",
                        column: x => x.PlanActionId,
                        principalTable: "Actions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RiskTreatmentActions_Risks_RiskId",
                        column: x => x.RiskId,
                        principalTable: "Risks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RiskTreatmentActions_Units_ResponsibleUnitId",
                        column: x => x.ResponsibleUnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ProcessLeaders_ProcessId",
                table: "ProcessLeaders",
                column: "ProcessId");

            migrationBuilder.CreateIndex(
                name: "IX_RiskControls_RiskId_Number",
                table: "RiskControls",
                columns: new[] { "RiskId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RiskMethods_Code_Revision",
                table: "RiskMethods",
                columns: new[] { "Code", "Revision" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Risks_MethodId",
                table: "Risks",
                column: "MethodId");

            migrationBuilder.CreateIndex(
                name: "IX_Risks_ProcessId_Year_Code",
                table: "Risks",
                columns: new[] { "ProcessId", "Year", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RiskTreatmentActions_PlanActionId",
                table: "RiskTreatmentActions",
                column: "PlanActionId");

            migrationBuilder.CreateIndex(
                name: "IX_RiskTreatmentActions_ResponsibleUnitId",
                table: "RiskTreatmentActions",
                column: "ResponsibleUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_RiskTreatmentActions_RiskId",
                table: "RiskTreatmentActions",
                column: "RiskId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ProcessLeaders");

            migrationBuilder.DropTable(
                name: "RiskControls");

            migrationBuilder.DropTable(
                name: "RiskTreatmentActions");

            migrationBuilder.DropTable(
                name: "Risks");

            migrationBuilder.DropTable(
                name: "RiskMethods");

            migrationBuilder.DropColumn(
                name: "Objective",
                table: "Processes");
        }
    }
}

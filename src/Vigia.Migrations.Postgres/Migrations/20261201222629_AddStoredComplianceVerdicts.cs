using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vigia.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AddStoredComplianceVerdicts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ActionComplianceStates",
                columns: table => new
                {
                    ActionId = table.Column<int>(type: "integer", nullable: false),
                    PlanId = table.Column<int>(type: "integer", nullable: false),
                    ComponentId = table.Column<int>(type: "integer", nullable: false),
                    ComponentNumber = table.Column<int>(type: "integer", nullable: false),
                    ActivityId = table.Column<int>(type: "integer", nullable: false),
                    Programmed = table.Column<int>(type: "integer", nullable: false),
                    Completed = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActionComplianceStates", x => x.ActionId);
                    table.ForeignKey(
                        name: "FK_ActionComplianceStates_Actions_ActionId",
                        column: x => x.ActionId,
                        principalTable: "Actions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ActionComplianceStates_Plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "Plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlanComplianceStates",
                columns: table => new
                {
                    PlanId = table.Column<int>(type: "integer", nullable: false),
                    Stale = table.Column<bool>(type: "boolean", nullable: false),
                    Token = table.Column<Guid>(type: "uuid", nullable: false),
                    ComputedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ScheduledActions = table.Column<int>(type: "integer", nullable: false),
                    HasSimulatedData = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanComplianceStates", x => x.PlanId);
                    table.ForeignKey(
                        name: "FK_PlanComplianceStates_Plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "Plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlanProgressStates",
                columns: table => new
                {
                    PlanId = table.Column<int>(type: "integer", nullable: false),
                    Months = table.Column<int>(type: "integer", nullable: false),
                    ToDate = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    Year = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanProgressStates", x => new { x.PlanId, x.Months });
                    table.ForeignKey(
                        name: "FK_PlanProgressStates_Plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "Plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ActionComplianceStates_PlanId_ComponentId_ActivityId",
                table: "ActionComplianceStates",
                columns: new[] { "PlanId", "ComponentId", "ActivityId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ActionComplianceStates");

            migrationBuilder.DropTable(
                name: "PlanComplianceStates");

            migrationBuilder.DropTable(
                name: "PlanProgressStates");
        }
    }
}

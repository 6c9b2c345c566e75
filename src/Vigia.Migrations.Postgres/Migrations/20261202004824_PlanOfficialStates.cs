using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vigia.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class PlanOfficialStates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PlanOfficialStates");
        }
    }
}

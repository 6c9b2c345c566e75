using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vigia.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddUnitGroupsAndActionParts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ProgressReports_Live",
                table: "ProgressReports");

            migrationBuilder.AddColumn<int>(
                name: "UnitId",
                table: "ProgressReports",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ActionPartTargets",
                columns: table => new
                {
                    ActionId = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Target = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false)
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
                name: "UnitGroups",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EntityId = table.Column<int>(type: "INTEGER", nullable: false),
                    RuleKey = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false)
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
                name: "ActionUnitGroups",
                columns: table => new
                {
                    ActionId = table.Column<int>(type: "INTEGER", nullable: false),
                    GroupId = table.Column<int>(type: "INTEGER", nullable: false),
                    Spelling = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false)
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
                    GroupId = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    GroupId = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    NormalizedText = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false)
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
                name: "UnitGroupMembers");

            migrationBuilder.DropTable(
                name: "UnitGroupSpellings");

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

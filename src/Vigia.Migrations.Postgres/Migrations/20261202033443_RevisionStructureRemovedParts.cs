using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vigia.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class RevisionStructureRemovedParts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "RemovedInVersion",
                table: "Subcomponents",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RemovedInVersion",
                table: "Components",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RemovedInVersion",
                table: "Activities",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RemovedInVersion",
                table: "Actions",
                type: "integer",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "RemovedInVersion",
                table: "Subcomponents");

            migrationBuilder.DropColumn(
                name: "RemovedInVersion",
                table: "Components");

            migrationBuilder.DropColumn(
                name: "RemovedInVersion",
                table: "Activities");

            migrationBuilder.DropColumn(
                name: "RemovedInVersion",
                table: "Actions");
        }
    }
}

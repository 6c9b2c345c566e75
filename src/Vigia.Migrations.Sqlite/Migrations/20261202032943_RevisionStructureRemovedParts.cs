using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vigia.Migrations.Sqlite.Migrations
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
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RemovedInVersion",
                table: "Components",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RemovedInVersion",
                table: "Activities",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RemovedInVersion",
                table: "Actions",
                type: "INTEGER",
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

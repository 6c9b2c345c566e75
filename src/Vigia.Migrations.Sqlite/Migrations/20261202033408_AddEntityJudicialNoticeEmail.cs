using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vigia.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddEntityJudicialNoticeEmail : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "JudicialNoticeEmail",
                table: "Entities",
                type: "TEXT",
                maxLength: 254,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "JudicialNoticeEmail",
                table: "Entities");
        }
    }
}

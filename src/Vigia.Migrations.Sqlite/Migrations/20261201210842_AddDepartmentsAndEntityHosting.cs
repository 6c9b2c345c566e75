using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Vigia.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddDepartmentsAndEntityHosting : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "DepartmentId",
                table: "Entities",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "HostEntityId",
                table: "Entities",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsSimulated",
                table: "Entities",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "Departments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Departments", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "Departments",
                columns: new[] { "Id", "Code", "Name", "Slug" },
                values: new object[,]
                {
                    { 5, "05", "Antioquia", "antioquia" },
                    { 8, "08", "Atlántico", "atlantico" },
                    { 11, "11", "Bogotá, D.C.", "bogota" },
                    { 13, "13", "Bolívar", "bolivar" },
                    { 15, "15", "Boyacá", "boyaca" },
                    { 17, "17", "Caldas", "caldas" },
                    { 18, "18", "Caquetá", "caqueta" },
                    { 19, "19", "Cauca", "cauca" },
                    { 20, "20", "Cesar", "cesar" },
                    { 23, "23", "Córdoba", "cordoba" },
                    { 25, "25", "Cundinamarca", "cundinamarca" },
                    { 27, "27", "Chocó", "choco" },
                    { 41, "41", "Huila", "huila" },
                    { 44, "44", "La Guajira", "la-guajira" },
                    { 47, "47", "Magdalena", "magdalena" },
                    { 50, "50", "Meta", "meta" },
                    { 52, "52", "Nariño", "narino" },
                    { 54, "54", "Norte de Santander", "norte-de-santander" },
                    { 63, "63", "Quindío", "quindio" },
                    { 66, "66", "Risaralda", "risaralda" },
                    { 68, "68", "Santander", "santander" },
                    { 70, "70", "Sucre", "sucre" },
                    { 73, "73", "Tolima", "tolima" },
                    { 76, "76", "Valle del Cauca", "valle-del-cauca" },
                    { 81, "81", "Arauca", "arauca" },
                    { 85, "85", "Casanare", "casanare" },
                    { 86, "86", "Putumayo", "putumayo" },
                    { 88, "88", "Archipiélago de San Andrés, Providencia y Santa Catalina", "san-andres" },
                    { 91, "91", "Amazonas", "amazonas" },
                    { 94, "94", "Guainía", "guainia" },
                    { 95, "95", "Guaviare", "guaviare" },
                    { 97, "97", "Vaupés", "vaupes" },
                    { 99, "99", "Vichada", "vichada" }
                });

            migrationBuilder.CreateIndex(
                name: "IX_Entities_DepartmentId",
                table: "Entities",
                column: "DepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_Entities_HostEntityId",
                table: "Entities",
                column: "HostEntityId");

            migrationBuilder.CreateIndex(
                name: "IX_Departments_Code",
                table: "Departments",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Departments_Slug",
                table: "Departments",
                column: "Slug",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Entities_Departments_DepartmentId",
                table: "Entities",
                column: "DepartmentId",
                principalTable: "Departments",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Entities_Entities_HostEntityId",
                table: "Entities",
                column: "HostEntityId",
                principalTable: "Entities",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Entities_Departments_DepartmentId",
                table: "Entities");

            migrationBuilder.DropForeignKey(
                name: "FK_Entities_Entities_HostEntityId",
                table: "Entities");

            migrationBuilder.DropTable(
                name: "Departments");

            migrationBuilder.DropIndex(
                name: "IX_Entities_DepartmentId",
                table: "Entities");

            migrationBuilder.DropIndex(
                name: "IX_Entities_HostEntityId",
                table: "Entities");

            migrationBuilder.DropColumn(
                name: "DepartmentId",
                table: "Entities");

            migrationBuilder.DropColumn(
                name: "HostEntityId",
                table: "Entities");

            migrationBuilder.DropColumn(
                name: "IsSimulated",
                table: "Entities");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vigia.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PlanLifecycleSessionsAndLegalTexts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ApprovalNote",
                table: "PlanVersions",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ApprovedBy",
                table: "PlanVersions",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ApprovedOn",
                table: "PlanVersions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Snapshot",
                table: "PlanVersions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Status",
                table: "PlanVersions",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "Draft");

            migrationBuilder.AddColumn<string>(
                name: "PrivacyPolicy",
                table: "Entities",
                type: "TEXT",
                maxLength: 20000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TermsOfUse",
                table: "Entities",
                type: "TEXT",
                maxLength: 20000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "KeyId",
                table: "AuditEntries",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "UserSessions",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<string>(type: "TEXT", nullable: false),
                    EndedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    EndedBecause = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Client = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Address = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UserSessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_UserSessions_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_UserSessions_UserId",
                table: "UserSessions",
                column: "UserId");

            // Versions of plans already published before versions had a state of their own.
            migrationBuilder.Sql("UPDATE \"PlanVersions\" SET \"Status\" = 'Published' WHERE \"PlanId\" IN (SELECT \"Id\" FROM \"Plans\" WHERE \"Status\" <> 'Draft');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "UserSessions");

            migrationBuilder.DropColumn(
                name: "ApprovalNote",
                table: "PlanVersions");

            migrationBuilder.DropColumn(
                name: "ApprovedBy",
                table: "PlanVersions");

            migrationBuilder.DropColumn(
                name: "ApprovedOn",
                table: "PlanVersions");

            migrationBuilder.DropColumn(
                name: "Snapshot",
                table: "PlanVersions");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "PlanVersions");

            migrationBuilder.DropColumn(
                name: "PrivacyPolicy",
                table: "Entities");

            migrationBuilder.DropColumn(
                name: "TermsOfUse",
                table: "Entities");

            migrationBuilder.DropColumn(
                name: "KeyId",
                table: "AuditEntries");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vigia.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddPlanLifecycle : Migration
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

            // Versions of plans already published before versions had a state of their own.
            migrationBuilder.Sql("UPDATE \"PlanVersions\" SET \"Status\" = 'Published' WHERE \"PlanId\" IN (SELECT \"Id\" FROM \"Plans\" WHERE \"Status\" <> 'Draft');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
        }
    }
}

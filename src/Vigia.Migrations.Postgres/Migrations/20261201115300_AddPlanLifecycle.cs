using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vigia.Migrations.Postgres.Migrations
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
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ApprovedBy",
                table: "PlanVersions",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ApprovedOn",
                table: "PlanVersions",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Snapshot",
                table: "PlanVersions",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Status",
                table: "PlanVersions",
                type: "character varying(40)",
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

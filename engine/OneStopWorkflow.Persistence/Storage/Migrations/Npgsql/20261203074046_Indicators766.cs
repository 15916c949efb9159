using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneStopWorkflow.Persistence.Storage.Migrations.Npgsql
{
    /// <inheritdoc />
    public partial class Indicators766 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "counts_digitised",
                table: "cases",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "counts_e_result",
                table: "cases",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "counts_online",
                table: "cases",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "late_by_supplements",
                table: "cases",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "paper_result",
                table: "cases",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "processing_minutes",
                table: "cases",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "supplement_requests",
                table: "cases",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "complaints",
                table: "case_figures",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "digitised",
                table: "case_figures",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "e_result",
                table: "case_figures",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "online_counted",
                table: "case_figures",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "paper_result",
                table: "case_figures",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "processed",
                table: "case_figures",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "processing_minutes",
                table: "case_figures",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<int>(
                name: "supplement_late",
                table: "case_figures",
                type: "integer",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "counts_digitised",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "counts_e_result",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "counts_online",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "late_by_supplements",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "paper_result",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "processing_minutes",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "supplement_requests",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "complaints",
                table: "case_figures");

            migrationBuilder.DropColumn(
                name: "digitised",
                table: "case_figures");

            migrationBuilder.DropColumn(
                name: "e_result",
                table: "case_figures");

            migrationBuilder.DropColumn(
                name: "online_counted",
                table: "case_figures");

            migrationBuilder.DropColumn(
                name: "paper_result",
                table: "case_figures");

            migrationBuilder.DropColumn(
                name: "processed",
                table: "case_figures");

            migrationBuilder.DropColumn(
                name: "processing_minutes",
                table: "case_figures");

            migrationBuilder.DropColumn(
                name: "supplement_late",
                table: "case_figures");
        }
    }
}

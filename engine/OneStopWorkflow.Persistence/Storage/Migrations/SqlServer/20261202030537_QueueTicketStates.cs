using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneStopWorkflow.Persistence.Storage.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class QueueTicketStates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "case_id",
                table: "queue_tickets",
                type: "nvarchar(40)",
                maxLength: 40,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(max)",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "called_by",
                table: "queue_tickets",
                type: "nvarchar(max)",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(max)");

            migrationBuilder.AlterColumn<DateTimeOffset>(
                name: "called_at",
                table: "queue_tickets",
                type: "datetimeoffset",
                nullable: true,
                oldClrType: typeof(DateTimeOffset),
                oldType: "datetimeoffset");

            migrationBuilder.AddColumn<int>(
                name: "counter",
                table: "queue_tickets",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "issued_at",
                table: "queue_tickets",
                type: "datetimeoffset",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "recalled_at",
                table: "queue_tickets",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "recalls",
                table: "queue_tickets",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "state",
                table: "queue_tickets",
                type: "nvarchar(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "");

            // Tickets before this were created when called: issued then, and served once their visit was recorded.
            migrationBuilder.Sql(
                "UPDATE queue_tickets SET issued_at = called_at, "
                + "state = CASE WHEN visit IS NULL THEN 'called' ELSE 'served' END;");

            migrationBuilder.CreateIndex(
                name: "ix_queue_tickets_case_id",
                table: "queue_tickets",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_queue_tickets_centre_day_state_number",
                table: "queue_tickets",
                columns: new[] { "centre", "day", "state", "number" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_queue_tickets_case_id",
                table: "queue_tickets");

            migrationBuilder.DropIndex(
                name: "ix_queue_tickets_centre_day_state_number",
                table: "queue_tickets");

            migrationBuilder.DropColumn(
                name: "counter",
                table: "queue_tickets");

            migrationBuilder.DropColumn(
                name: "issued_at",
                table: "queue_tickets");

            migrationBuilder.DropColumn(
                name: "recalled_at",
                table: "queue_tickets");

            migrationBuilder.DropColumn(
                name: "recalls",
                table: "queue_tickets");

            migrationBuilder.DropColumn(
                name: "state",
                table: "queue_tickets");

            migrationBuilder.AlterColumn<string>(
                name: "case_id",
                table: "queue_tickets",
                type: "nvarchar(max)",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(40)",
                oldMaxLength: 40,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "called_by",
                table: "queue_tickets",
                type: "nvarchar(max)",
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "nvarchar(max)",
                oldNullable: true);

            migrationBuilder.AlterColumn<DateTimeOffset>(
                name: "called_at",
                table: "queue_tickets",
                type: "datetimeoffset",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)),
                oldClrType: typeof(DateTimeOffset),
                oldType: "datetimeoffset",
                oldNullable: true);
        }
    }
}

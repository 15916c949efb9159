using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneStopWorkflow.Persistence.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class QueueTicketStates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "called_by",
                table: "queue_tickets",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<long>(
                name: "called_at",
                table: "queue_tickets",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(long),
                oldType: "INTEGER");

            migrationBuilder.AddColumn<int>(
                name: "counter",
                table: "queue_tickets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "issued_at",
                table: "queue_tickets",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "recalled_at",
                table: "queue_tickets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "recalls",
                table: "queue_tickets",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "state",
                table: "queue_tickets",
                type: "TEXT",
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
                name: "called_by",
                table: "queue_tickets",
                type: "TEXT",
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldNullable: true);

            migrationBuilder.AlterColumn<long>(
                name: "called_at",
                table: "queue_tickets",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L,
                oldClrType: typeof(long),
                oldType: "INTEGER",
                oldNullable: true);
        }
    }
}

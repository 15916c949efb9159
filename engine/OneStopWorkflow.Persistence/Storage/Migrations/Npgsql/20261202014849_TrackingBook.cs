using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneStopWorkflow.Persistence.Storage.Migrations.Npgsql
{
    /// <inheritdoc />
    public partial class TrackingBook : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "tracking_book_sequences",
                columns: table => new
                {
                    unit = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    volume = table.Column<int>(type: "integer", nullable: false),
                    last = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tracking_book_sequences", x => new { x.unit, x.year });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "tracking_book_sequences");
        }
    }
}

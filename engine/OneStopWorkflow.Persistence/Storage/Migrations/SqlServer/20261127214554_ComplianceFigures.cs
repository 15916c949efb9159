using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneStopWorkflow.Persistence.Storage.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ComplianceFigures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "case_figures",
                columns: table => new
                {
                    unit = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    procedure_code = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    day = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    received = table.Column<int>(type: "int", nullable: false),
                    handled = table.Column<int>(type: "int", nullable: false),
                    early = table.Column<int>(type: "int", nullable: false),
                    on_time = table.Column<int>(type: "int", nullable: false),
                    late = table.Column<int>(type: "int", nullable: false),
                    withdrawn = table.Column<int>(type: "int", nullable: false),
                    online = table.Column<int>(type: "int", nullable: false),
                    escalations = table.Column<int>(type: "int", nullable: false),
                    rated = table.Column<int>(type: "int", nullable: false),
                    rating_sum = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_figures", x => new { x.unit, x.procedure_code, x.day });
                });

            migrationBuilder.CreateTable(
                name: "step_figures",
                columns: table => new
                {
                    unit = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    procedure_code = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    day = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    step = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    done = table.Column<int>(type: "int", nullable: false),
                    within_due = table.Column<int>(type: "int", nullable: false),
                    hours = table.Column<double>(type: "float", nullable: false),
                    timed = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_step_figures", x => new { x.unit, x.procedure_code, x.day, x.step });
                });

            migrationBuilder.CreateIndex(
                name: "ix_case_figures_day_unit",
                table: "case_figures",
                columns: new[] { "day", "unit" });

            // Figures of the cases already stored, so a store that upgrades reports the same as before.
            foreach (var statement in Figures.DayFigures.RebuildSqlOfComplianceFigures)
            {
                migrationBuilder.Sql(statement);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "case_figures");

            migrationBuilder.DropTable(
                name: "step_figures");
        }
    }
}

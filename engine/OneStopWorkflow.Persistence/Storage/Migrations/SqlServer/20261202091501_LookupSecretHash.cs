using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneStopWorkflow.Persistence.Storage.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class LookupSecretHash : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The column that held each case's lookup secret holds its hash from now on (see SecretHashes).
            migrationBuilder.Sql(Cases.SecretHashes.SqlServer);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // A hash cannot be turned back into its secret: after a downgrade the older lookups of these cases fail.
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Faktum.Licensing.Server.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CopyDetection : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "InstallationGenerations",
                columns: table => new
                {
                    LicenseId = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    InstallationId = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    Issued = table.Column<long>(type: "INTEGER", nullable: false),
                    Presented = table.Column<long>(type: "INTEGER", nullable: false),
                    AnswersFrom = table.Column<long>(type: "INTEGER", nullable: false),
                    RetryWindowEndsAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AbandonedAfter = table.Column<long>(type: "INTEGER", nullable: true),
                    AbandonedThrough = table.Column<long>(type: "INTEGER", nullable: true),
                    DuplicatedThrough = table.Column<long>(type: "INTEGER", nullable: true),
                    DuplicatedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InstallationGenerations", x => new { x.LicenseId, x.InstallationId });
                    table.ForeignKey(
                        name: "FK_InstallationGenerations_Licenses_LicenseId",
                        column: x => x.LicenseId,
                        principalTable: "Licenses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "InstallationGenerations");
        }
    }
}

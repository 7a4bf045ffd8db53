using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Faktum.Licensing.Server.Storage.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class SeatsAndMoveBudget : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ExtraMoves",
                table: "Licenses",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "AppVersion",
                table: "Installations",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Channel",
                table: "Installations",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Label",
                table: "Installations",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "LastSeenAt",
                table: "Installations",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "LicenseMoves",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    LicenseId = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    ReleasedBindingId = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    At = table.Column<long>(type: "bigint", nullable: false),
                    Granted = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LicenseMoves", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LicenseMoves_Licenses_LicenseId",
                        column: x => x.LicenseId,
                        principalTable: "Licenses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LicenseMoves_LicenseId_At",
                table: "LicenseMoves",
                columns: new[] { "LicenseId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LicenseMoves");

            migrationBuilder.DropColumn(
                name: "ExtraMoves",
                table: "Licenses");

            migrationBuilder.DropColumn(
                name: "AppVersion",
                table: "Installations");

            migrationBuilder.DropColumn(
                name: "Channel",
                table: "Installations");

            migrationBuilder.DropColumn(
                name: "Label",
                table: "Installations");

            migrationBuilder.DropColumn(
                name: "LastSeenAt",
                table: "Installations");
        }
    }
}

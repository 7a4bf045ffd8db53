using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Faktum.Licensing.Server.Storage.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class Entitlements : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Entitlements",
                table: "Licenses",
                type: "character varying(2080)",
                maxLength: 2080,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Entitlements",
                table: "Licenses");
        }
    }
}

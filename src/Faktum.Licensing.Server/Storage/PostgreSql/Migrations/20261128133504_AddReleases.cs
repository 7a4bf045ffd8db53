using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Faktum.Licensing.Server.Storage.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class AddReleases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Releases",
                columns: table => new
                {
                    Product = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    ReleaseId = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    Version = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    SignedJson = table.Column<string>(type: "character varying(16384)", maxLength: 16384, nullable: false),
                    EffectiveRollout = table.Column<int>(type: "integer", nullable: true),
                    PublishedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Releases", x => new { x.Product, x.Sequence });
                });

            migrationBuilder.CreateIndex(
                name: "IX_Releases_Product_ReleaseId",
                table: "Releases",
                columns: new[] { "Product", "ReleaseId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Releases");
        }
    }
}

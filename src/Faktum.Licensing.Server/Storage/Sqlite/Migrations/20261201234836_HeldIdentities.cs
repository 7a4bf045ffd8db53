using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Faktum.Licensing.Server.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class HeldIdentities : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "HeldIdentities",
                columns: table => new
                {
                    IdentityKey = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    CompanyId = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    HeldSince = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HeldIdentities", x => x.IdentityKey);
                    table.ForeignKey(
                        name: "FK_HeldIdentities_Companies_CompanyId",
                        column: x => x.CompanyId,
                        principalTable: "Companies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_HeldIdentities_CompanyId",
                table: "HeldIdentities",
                column: "CompanyId");

            // Every company holds its current identity (F8).
            migrationBuilder.Sql("INSERT INTO \"HeldIdentities\" (\"IdentityKey\", \"CompanyId\", \"HeldSince\") SELECT \"IdentityKey\", \"Id\", \"CreatedAt\" FROM \"Companies\";");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "HeldIdentities");
        }
    }
}

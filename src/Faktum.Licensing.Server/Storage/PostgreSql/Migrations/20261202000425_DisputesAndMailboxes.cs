using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Faktum.Licensing.Server.Storage.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class DisputesAndMailboxes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Mailbox",
                table: "Accounts",
                type: "character varying(320)",
                maxLength: 320,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "AdminAuditRecords",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    At = table.Column<long>(type: "bigint", nullable: false),
                    Action = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    CompanyId = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    IdentityKey = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    Reason = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    Detail = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AdminAuditRecords", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Accounts_Mailbox_CreatedAt",
                table: "Accounts",
                columns: new[] { "Mailbox", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_AdminAuditRecords_At",
                table: "AdminAuditRecords",
                column: "At");

            // Existing addresses count as their own mailbox (their +tags are not folded); new registrations fold them (F2).
            migrationBuilder.Sql("UPDATE \"Accounts\" SET \"Mailbox\" = \"Email\";");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AdminAuditRecords");

            migrationBuilder.DropIndex(
                name: "IX_Accounts_Mailbox_CreatedAt",
                table: "Accounts");

            migrationBuilder.DropColumn(
                name: "Mailbox",
                table: "Accounts");
        }
    }
}

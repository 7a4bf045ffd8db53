using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Faktum.Licensing.Server.Storage.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class AuditLog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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

            migrationBuilder.AddColumn<long>(
                name: "LastSeenAt",
                table: "Installations",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AuditRecords",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    At = table.Column<long>(type: "bigint", nullable: false),
                    Source = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Actor = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    Action = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CompanyId = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true),
                    LicenseId = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true),
                    Before = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    After = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Detail = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditRecords", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StartupCheckDays",
                columns: table => new
                {
                    Day = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Checks = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StartupCheckDays", x => x.Day);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Installations_ReleasedAt",
                table: "Installations",
                column: "ReleasedAt");

            migrationBuilder.CreateIndex(
                name: "IX_AuditRecords_Action_At",
                table: "AuditRecords",
                columns: new[] { "Action", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditRecords_Actor_At",
                table: "AuditRecords",
                columns: new[] { "Actor", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditRecords_At",
                table: "AuditRecords",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_AuditRecords_CompanyId_At",
                table: "AuditRecords",
                columns: new[] { "CompanyId", "At" });

            // The dispute rows of the former AdminAuditRecords table move over; who acted was not recorded then.
            migrationBuilder.Sql("INSERT INTO \"AuditRecords\" (\"Id\", \"At\", \"Source\", \"Actor\", \"Action\", \"CompanyId\", \"LicenseId\", \"Before\", \"After\", \"Detail\") "
                + "SELECT \"Id\", \"At\", 'api', 'unrecorded', \"Action\", \"CompanyId\", NULL, NULL, NULL, "
                + "substr('identity ' || \"IdentityKey\" || '; reason ' || \"Reason\" || '; ' || \"Detail\", 1, 2000) FROM \"AdminAuditRecords\";");

            migrationBuilder.DropTable(
                name: "AdminAuditRecords");

            // Append-only on the database side too (docs/security.md): UPDATE, DELETE and TRUNCATE on the audit table fail.
            migrationBuilder.Sql("CREATE FUNCTION faktum_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                + "RAISE EXCEPTION 'AuditRecords is append-only' USING ERRCODE = 'insufficient_privilege'; END; $$;");
            migrationBuilder.Sql("CREATE TRIGGER \"AuditRecords_append_only\" BEFORE UPDATE OR DELETE ON \"AuditRecords\" FOR EACH ROW EXECUTE FUNCTION faktum_audit_append_only();");
            migrationBuilder.Sql("CREATE TRIGGER \"AuditRecords_no_truncate\" BEFORE TRUNCATE ON \"AuditRecords\" FOR EACH STATEMENT EXECUTE FUNCTION faktum_audit_append_only();");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuditRecords");

            migrationBuilder.Sql("DROP FUNCTION faktum_audit_append_only();");

            migrationBuilder.DropTable(
                name: "StartupCheckDays");

            migrationBuilder.DropIndex(
                name: "IX_Installations_ReleasedAt",
                table: "Installations");

            migrationBuilder.DropColumn(
                name: "AppVersion",
                table: "Installations");

            migrationBuilder.DropColumn(
                name: "Channel",
                table: "Installations");

            migrationBuilder.DropColumn(
                name: "LastSeenAt",
                table: "Installations");

            migrationBuilder.CreateTable(
                name: "AdminAuditRecords",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    Action = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    At = table.Column<long>(type: "bigint", nullable: false),
                    CompanyId = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    Detail = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    IdentityKey = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    Reason = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AdminAuditRecords", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AdminAuditRecords_At",
                table: "AdminAuditRecords",
                column: "At");
        }
    }
}

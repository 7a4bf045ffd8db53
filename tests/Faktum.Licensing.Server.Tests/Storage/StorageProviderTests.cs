using Faktum.Licensing.Server.Configuration;
using Faktum.Licensing.Server.Storage;
using Faktum.Licensing.Server.Storage.Sqlite;
using Faktum.Licensing.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Faktum.Licensing.Server.Tests.Storage;

public sealed class StorageProviderTests
{
    [Theory]
    [BothStorageProviders]
    public async Task Every_migration_is_applied_at_start(StorageProvider provider)
    {
        await using var server = await ServerFixture.StartAsync(provider: provider);

        var (all, applied, pending) = await server.WithDbAsync(async db =>
            (db.Database.GetMigrations().ToList(), (await db.Database.GetAppliedMigrationsAsync()).ToList(), (await db.Database.GetPendingMigrationsAsync()).ToList()));

        Assert.NotEmpty(all);
        Assert.Equal(all, applied);
        Assert.Empty(pending);
        Assert.Equal(provider == StorageProvider.Sqlite ? "Microsoft.EntityFrameworkCore.Sqlite" : "Npgsql.EntityFrameworkCore.PostgreSQL",
            await server.WithDbAsync(db => Task.FromResult(db.Database.ProviderName)));
    }

    [Theory]
    [BothStorageProviders]
    public async Task Each_providers_unique_violation_is_recognised(StorageProvider provider)
    {
        await using var server = await ServerFixture.StartAsync(provider: provider);

        var exception = await server.WithDbAsync(async db =>
        {
            db.Accounts.Add(new Account { Id = "acc_one", Email = "same@example.nl" });
            db.Accounts.Add(new Account { Id = "acc_two", Email = "same@example.nl" });
            return await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        });

        Assert.True(StorageServiceCollectionExtensions.IsUniqueViolation(exception), exception.InnerException?.Message);
    }

    [Fact]
    public async Task A_SQLite_database_made_by_EnsureCreated_is_adopted_by_the_migrations()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "faktum-server-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDirectory);
        var options = new DbContextOptionsBuilder<SqliteLicensingDbContext>()
            .UseSqlite(StorageServiceCollectionExtensions.SqliteConnectionString(null, dataDirectory)).Options;
        await using (var old = new SqliteLicensingDbContext(options))
        {
            await old.Database.EnsureCreatedAsync();
            // The EnsureCreated era predates releases, the mail outbox, held identities, the audit log, installations' last-seen columns, seats, console staff, copy detection, entitlements, mailboxes and several companies per account: its
            // schema is the initial migration's.
            await old.Database.ExecuteSqlRawAsync("DROP TABLE \"LicenseMoves\"");
            await old.Database.ExecuteSqlRawAsync("ALTER TABLE \"Licenses\" DROP COLUMN \"ExtraMoves\"");
            await old.Database.ExecuteSqlRawAsync("ALTER TABLE \"Installations\" DROP COLUMN \"Label\"");
            await old.Database.ExecuteSqlRawAsync("DROP TABLE \"ConsoleStaff\"");
            await old.Database.ExecuteSqlRawAsync("DROP TABLE \"InstallationGenerations\"");
            await old.Database.ExecuteSqlRawAsync("ALTER TABLE \"Licenses\" DROP COLUMN \"Entitlements\"");
            await old.Database.ExecuteSqlRawAsync("ALTER TABLE \"OneTimePasswords\" DROP COLUMN \"CompanyId\"");
            await old.Database.ExecuteSqlRawAsync("DROP INDEX \"IX_Companies_AccountId\"");
            await old.Database.ExecuteSqlRawAsync("CREATE UNIQUE INDEX \"IX_Companies_AccountId\" ON \"Companies\" (\"AccountId\")");

            await old.Database.ExecuteSqlRawAsync("DROP TABLE \"HeldIdentities\"");
            await old.Database.ExecuteSqlRawAsync("DROP TABLE \"AuditRecords\"");
            await old.Database.ExecuteSqlRawAsync("DROP TABLE \"StartupCheckDays\"");
            await old.Database.ExecuteSqlRawAsync("DROP INDEX \"IX_Installations_ReleasedAt\"");
            await old.Database.ExecuteSqlRawAsync("ALTER TABLE \"Installations\" DROP COLUMN \"LastSeenAt\"");
            await old.Database.ExecuteSqlRawAsync("ALTER TABLE \"Installations\" DROP COLUMN \"AppVersion\"");
            await old.Database.ExecuteSqlRawAsync("ALTER TABLE \"Installations\" DROP COLUMN \"Channel\"");

            await old.Database.ExecuteSqlRawAsync("DROP INDEX \"IX_Accounts_Mailbox_CreatedAt\"");
            await old.Database.ExecuteSqlRawAsync("ALTER TABLE \"Accounts\" DROP COLUMN \"Mailbox\"");
            await old.Database.ExecuteSqlRawAsync("DROP TABLE \"Releases\"");
            await old.Database.ExecuteSqlRawAsync("DROP TABLE \"OutboxMessages\"");
            // A confirmed customer of that era: an unconfirmed one would be a stale registration the retention purge deletes at start.
            await old.Database.ExecuteSqlRawAsync("INSERT INTO \"Accounts\" (\"Id\", \"Email\", \"CreatedAt\", \"EmailConfirmedAt\") VALUES ('acc_before', 'before@example.nl', 0, 0)");
            await old.SaveChangesAsync();
        }

        await using var server = await ServerFixture.StartAsync(dataDirectory: dataDirectory);

        Assert.Equal("before@example.nl", await server.WithDbAsync(db => db.Accounts.Select(a => a.Email).SingleAsync()));
        Assert.Empty(await server.WithDbAsync(async db => (await db.Database.GetPendingMigrationsAsync()).ToList()));
        Assert.Equal(0, await server.WithDbAsync(db => db.Releases.CountAsync()));
        Assert.Equal(0, await server.WithDbAsync(db => db.OutboxMessages.CountAsync()));
    }

    [Fact]
    public async Task PostgreSql_without_a_connection_string_refuses_to_start_and_says_what_to_set()
    {
        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            ServerFixture.StartAsync(configure: c => c["FaktumServer:Storage:Provider"] = "PostgreSql"));

        Assert.Contains("FaktumServer:Storage:ConnectionString", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_PostgreSql_connection_string_gets_statement_preparation_and_no_reset_on_close_unless_it_says_otherwise()
    {
        var defaulted = new NpgsqlConnectionStringBuilder(StorageServiceCollectionExtensions.PostgreSqlConnectionString("Host=db;Database=faktum;Username=u;Password=secret"));
        Assert.Equal(32, defaulted.MaxAutoPrepare);
        Assert.Equal(2, defaulted.AutoPrepareMinUsages);
        Assert.True(defaulted.NoResetOnClose);
        Assert.Equal("secret", defaulted.Password);

        var configured = new NpgsqlConnectionStringBuilder(StorageServiceCollectionExtensions.PostgreSqlConnectionString(
            "Host=db;Database=faktum;MaxAutoPrepare=0;no reset on close=false"));
        Assert.Equal(0, configured.MaxAutoPrepare);
        Assert.False(configured.NoResetOnClose);
    }
}

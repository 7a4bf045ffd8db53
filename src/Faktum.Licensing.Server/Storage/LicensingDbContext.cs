using Microsoft.EntityFrameworkCore;
using Faktum.Licensing.Server.Seats;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Faktum.Licensing.Server.Storage;

/// <summary>
/// The license server's database. Provider-neutral: business logic sees only this type. Each provider derives its own
/// context (<see cref="Sqlite.SqliteLicensingDbContext"/>, <see cref="PostgreSql.PostgreSqlLicensingDbContext"/>) that
/// owns that provider's migrations; the provider is chosen in <see cref="StorageServiceCollectionExtensions"/>.
/// </summary>
internal abstract class LicensingDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Account> Accounts => Set<Account>();

    public DbSet<Company> Companies => Set<Company>();

    public DbSet<License> Licenses => Set<License>();

    public DbSet<HeldIdentity> HeldIdentities => Set<HeldIdentity>();

    public DbSet<AuditRecord> AuditRecords => Set<AuditRecord>();

    public DbSet<Installation> Installations => Set<Installation>();

    public DbSet<LicenseMove> LicenseMoves => Set<LicenseMove>();

    public DbSet<OneTimePassword> OneTimePasswords => Set<OneTimePassword>();

    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    public DbSet<ReleaseRecord> Releases => Set<ReleaseRecord>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<StartupCheckDay> StartupCheckDays => Set<StartupCheckDay>();

    public DbSet<ConsoleStaff> ConsoleStaff => Set<ConsoleStaff>();

    /// <summary>
    /// Locks the account's row until the current transaction ends, on every provider (a no-op UPDATE: a row lock on
    /// PostgreSQL, the write lock on SQLite). Writes that read, then change, an account's one-time passwords or
    /// installations take it first, so they are serialized across all server instances.
    /// </summary>
    public Task<int> LockAccountAsync(string accountId, CancellationToken cancellationToken) =>
        Accounts.Where(a => a.Id == accountId).ExecuteUpdateAsync(s => s.SetProperty(a => a.Email, a => a.Email), cancellationToken);

    /// <summary>
    /// Pushes deleted content (a mail body with a one-time password) out of the database files where the engine allows
    /// it. SQLite zeroes deleted bytes as it frees them (<c>secure_delete</c>, see <see cref="Sqlite.SqliteLicensingDbContext"/>),
    /// but the write-ahead log still holds the page as it was before: a truncating checkpoint empties it. PostgreSQL has
    /// no equivalent (old row versions stay on disk until vacuumed and overwritten; see docs/security.md).
    /// Best effort: <see langword="false"/> when the engine could not finish it now (a later call tries again).
    /// </summary>
    public virtual Task<bool> FlushDeletedContentAsync(CancellationToken cancellationToken) => Task.FromResult(true);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Stored as UTC ticks: portable, sortable, and comparable in queries on every provider.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcTicksConverter>();
        configurationBuilder.Properties<string>().HaveMaxLength(320);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Account>(account =>
        {
            account.HasKey(a => a.Id);
            account.HasIndex(a => a.Email).IsUnique();
            account.HasIndex(a => new { a.Mailbox, a.CreatedAt }); // F2: registrations per mailbox
        });

        modelBuilder.Entity<AuditRecord>(record =>
        {
            // Append-only: the migrations add triggers that refuse UPDATE and DELETE on this table (docs/security.md).
            record.HasKey(r => r.Id);
            record.HasIndex(r => r.At);
            record.HasIndex(r => new { r.CompanyId, r.At });
            record.HasIndex(r => new { r.Actor, r.At });
            record.HasIndex(r => new { r.Action, r.At });
            record.Property(r => r.Source).HasConversion(s => s.ToString().ToLowerInvariant(), s => Enum.Parse<AuditSource>(s, true)).HasMaxLength(16);
            record.Property(r => r.Action).HasMaxLength(64);
            record.Property(r => r.Before).HasMaxLength(2000);
            record.Property(r => r.After).HasMaxLength(2000);
            record.Property(r => r.Detail).HasMaxLength(2000);
        });

        modelBuilder.Entity<Company>(company =>
        {
            company.HasKey(c => c.Id);
            company.HasIndex(c => c.IdentityKey).IsUnique(); // Invariant I1: one license per company, enforced here.
            company.HasIndex(c => c.AccountId); // S9: an account may own several companies
            company.HasOne(c => c.Account).WithMany().HasForeignKey(c => c.AccountId);
        });

        modelBuilder.Entity<HeldIdentity>(held =>
        {
            held.HasKey(h => h.IdentityKey); // F8: every identity ever held, unique across companies
            held.HasIndex(h => h.CompanyId);
            held.HasOne<Company>().WithMany().HasForeignKey(h => h.CompanyId);
        });

        modelBuilder.Entity<License>(license =>
        {
            license.HasKey(l => l.Id);
            license.HasIndex(l => new { l.CompanyId, l.Product }).IsUnique();
            license.HasOne(l => l.Company).WithMany().HasForeignKey(l => l.CompanyId);
            license.Property(l => l.Kind).HasConversion<string>().HasMaxLength(16);
            license.Property(l => l.Status).HasConversion<string>().HasMaxLength(16);
            license.Property(l => l.Entitlements).HasMaxLength(Server.Licenses.EntitlementNames.MaxCount * (Server.Licenses.EntitlementNames.MaxLength + 1));
        });

        modelBuilder.Entity<Installation>(installation =>
        {
            installation.HasKey(i => i.Id);
            installation.HasIndex(i => new { i.LicenseId, i.InstallationId });
            installation.HasOne<License>().WithMany().HasForeignKey(i => i.LicenseId);
            installation.HasIndex(i => i.ReleasedAt); // the console's moves per week
            installation.Property(i => i.AppVersion).HasMaxLength(64);
            installation.Property(i => i.Channel).HasMaxLength(32);
            installation.Property(i => i.Label).HasMaxLength(SeatRules.MaxLabelLength);
        });

        modelBuilder.Entity<LicenseMove>(move =>
        {
            move.HasKey(m => m.Id);
            move.HasIndex(m => new { m.LicenseId, m.At }); // the move budget's window
            move.HasOne<License>().WithMany().HasForeignKey(m => m.LicenseId);
        });

        modelBuilder.Entity<InstallationGeneration>(generation =>
        {
            generation.ToTable("InstallationGenerations"); // copy detection (docs/tokens.md, "Generations")
            generation.HasKey(g => new { g.LicenseId, g.InstallationId });
            generation.HasOne<License>().WithMany().HasForeignKey(g => g.LicenseId);
        });

        modelBuilder.Entity<OneTimePassword>(otp =>
        {
            otp.HasKey(o => o.Id);
            otp.HasIndex(o => o.AccountId);
            otp.HasOne<Account>().WithMany().HasForeignKey(o => o.AccountId);
            otp.Property(o => o.CompanyId).HasMaxLength(64);
            otp.Property(o => o.Hash).HasMaxLength(64);
            otp.Property(o => o.Salt).HasMaxLength(64);
        });

        modelBuilder.Entity<IdempotencyRecord>(record =>
        {
            record.HasKey(r => r.Key);
            record.Property(r => r.Body).HasMaxLength(16 * 1024);
        });

        modelBuilder.Entity<ReleaseRecord>(release =>
        {
            // Freeze and rollback protection start here: a product's sequences only ever grow, one manifest each.
            release.HasKey(r => new { r.Product, r.Sequence });
            release.HasIndex(r => new { r.Product, r.ReleaseId });
            release.Property(r => r.SignedJson).HasMaxLength(16 * 1024);
        });

        modelBuilder.Entity<StartupCheckDay>(day =>
        {
            day.HasKey(d => d.Day);
            day.Property(d => d.Day).HasMaxLength(10);
        });

        modelBuilder.Entity<OutboxMessage>(message =>
        {
            message.HasKey(m => m.Id);
            message.HasIndex(m => new { m.Status, m.NextAttemptAt }); // the dispatcher's query: pending and due
            message.HasIndex(m => m.AccountId);
            message.Property(m => m.Kind).HasMaxLength(32);
            message.Property(m => m.Status).HasConversion<string>().HasMaxLength(16);
            message.Property(m => m.Content).HasMaxLength(64 * 1024);
            message.Property(m => m.LastError).HasMaxLength(1000);
        });

        modelBuilder.Entity<ConsoleStaff>(staff =>
        {
            staff.HasKey(s => s.Id);
            staff.HasIndex(s => s.Email).IsUnique();
            staff.Property(s => s.Role).HasConversion<string>().HasMaxLength(16);
            staff.Property(s => s.PasswordHash).HasMaxLength(64);
            staff.Property(s => s.PasswordSalt).HasMaxLength(64);
            staff.Property(s => s.TotpSecretProtected).HasMaxLength(1000);
        });
    }

    private sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
        value => value.UtcTicks,
        ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
}

using Faktum.Licensing.Server.Storage;
using Microsoft.EntityFrameworkCore;

namespace Faktum.Licensing.Server.WebConsole.Staff;

/// <summary>Creates, resets and lists staff accounts: what the CLI's <c>staff …</c> commands do (there is no default account).</summary>
internal sealed class StaffDirectory(LicensingDbContext db, TimeProvider time)
{
    /// <summary>Adds a staff member; <see langword="null"/> when the e-mail address already has an account.</summary>
    public async Task<ConsoleStaff?> AddAsync(string email, ConsoleStaffRole role, string password, CancellationToken cancellationToken)
    {
        var normalized = Normalize(email);
        if (await db.ConsoleStaff.AnyAsync(s => s.Email == normalized, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var (hash, salt) = StaffPasswordHasher.Hash(password);
        var staff = new ConsoleStaff
        {
            Id = "stf_" + Guid.NewGuid().ToString("N"),
            Email = normalized,
            Role = role,
            PasswordHash = hash,
            PasswordSalt = salt,
            CreatedAt = time.GetUtcNow(),
        };
        db.ConsoleStaff.Add(staff);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return staff;
    }

    /// <summary>
    /// Gives a staff member a new password, removes the TOTP secret (set up again at the next sign-in) and lifts a lockout;
    /// <see langword="null"/> for an unknown address.
    /// </summary>
    public async Task<ConsoleStaff?> ResetAsync(string email, string password, CancellationToken cancellationToken)
    {
        var normalized = Normalize(email);
        var staff = await db.ConsoleStaff.SingleOrDefaultAsync(s => s.Email == normalized, cancellationToken).ConfigureAwait(false);
        if (staff is null)
        {
            return null;
        }

        (staff.PasswordHash, staff.PasswordSalt) = StaffPasswordHasher.Hash(password);
        staff.TotpSecretProtected = null;
        staff.TotpConfirmedAt = null;
        staff.FailedAttempts = 0;
        staff.LockedUntil = null;
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return staff;
    }

    public async Task<IReadOnlyList<ConsoleStaff>> ListAsync(CancellationToken cancellationToken) =>
        await db.ConsoleStaff.AsNoTracking().OrderBy(s => s.Email).ToListAsync(cancellationToken).ConfigureAwait(false);

    public static string Normalize(string email) => email.Trim().ToLowerInvariant();
}

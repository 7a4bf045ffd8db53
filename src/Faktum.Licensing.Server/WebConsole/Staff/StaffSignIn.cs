using System.Security.Cryptography;
using Faktum.Licensing.Server.Configuration;
using Faktum.Licensing.Server.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OtpNet;

namespace Faktum.Licensing.Server.WebConsole.Staff;

/// <summary>
/// The two sign-in factors of a staff member: the password (Argon2id), then a TOTP code (RFC 6238, 30 s, 6 digits, one step
/// either side). Every failure of either factor counts in the database; at <see cref="ConsoleOptions.MaxFailedAttempts"/>
/// the account is locked for <see cref="ConsoleOptions.LockoutDuration"/>. A code's time step is accepted once (no replay).
/// </summary>
internal sealed class StaffSignIn(LicensingDbContext db, TimeProvider time, IDataProtectionProvider protection, IOptions<FaktumServerOptions> options)
{
    private const string Purpose = "Faktum.Licensing.Server.WebConsole.TotpSecret.v1";
    private static readonly VerificationWindow Window = new(previous: 1, future: 1);

    private ConsoleOptions Settings => options.Value.Console;

    public async Task<SignInResult> CheckPasswordAsync(string? email, string? password, CancellationToken cancellationToken)
    {
        var normalized = StaffDirectory.Normalize(email ?? string.Empty);
        var staff = await db.ConsoleStaff.SingleOrDefaultAsync(s => s.Email == normalized, cancellationToken).ConfigureAwait(false);
        if (staff is null || password is null)
        {
            StaffPasswordHasher.HashDummy();
            return SignInResult.Wrong;
        }

        if (IsLocked(staff))
        {
            return new SignInResult(SignInStatus.LockedOut, LockedUntil: staff.LockedUntil);
        }

        if (!StaffPasswordHasher.Verify(password, staff.PasswordHash, staff.PasswordSalt))
        {
            return await FailAsync(staff, cancellationToken).ConfigureAwait(false);
        }

        return new SignInResult(staff.TotpConfirmedAt is null ? SignInStatus.NeedsTotpSetup : SignInStatus.NeedsTotp, staff);
    }

    /// <summary>Makes a new pending TOTP secret for a staff member who has none confirmed; returns it (Base32) to show once.</summary>
    public async Task<string?> StartTotpSetupAsync(string staffId, CancellationToken cancellationToken)
    {
        var staff = await db.ConsoleStaff.SingleOrDefaultAsync(s => s.Id == staffId, cancellationToken).ConfigureAwait(false);
        if (staff is null || staff.TotpConfirmedAt is not null)
        {
            return null;
        }

        var secret = KeyGeneration.GenerateRandomKey(20);
        staff.TotpSecretProtected = protection.CreateProtector(Purpose).Protect(Base32Encoding.ToString(secret));
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return Base32Encoding.ToString(secret);
    }

    /// <summary>Checks a TOTP code; with <paramref name="confirmingSetup"/> it checks the pending secret and confirms it.</summary>
    public async Task<SignInResult> CheckTotpAsync(string staffId, string? code, bool confirmingSetup, CancellationToken cancellationToken)
    {
        var staff = await db.ConsoleStaff.SingleOrDefaultAsync(s => s.Id == staffId, cancellationToken).ConfigureAwait(false);
        if (staff?.TotpSecretProtected is null || (staff.TotpConfirmedAt is null) != confirmingSetup)
        {
            return SignInResult.Wrong;
        }

        if (IsLocked(staff))
        {
            return new SignInResult(SignInStatus.LockedOut, LockedUntil: staff.LockedUntil);
        }

        var candidate = (code ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal);
        var now = time.GetUtcNow();
        var secret = Base32Encoding.ToBytes(Unprotect(staff.TotpSecretProtected));
        try
        {
            if (candidate.Length != 6 || !candidate.All(char.IsAsciiDigit)
                || !new Totp(secret).VerifyTotp(now.UtcDateTime, candidate, out var step, Window))
            {
                return await FailAsync(staff, cancellationToken).ConfigureAwait(false);
            }

            // Accept each time step once, also against a concurrent request with the same code.
            var confirmedAt = staff.TotpConfirmedAt ?? now;
            var taken = await db.ConsoleStaff.Where(s => s.Id == staffId && s.LastTotpStep < step).ExecuteUpdateAsync(s => s
                .SetProperty(x => x.LastTotpStep, step)
                .SetProperty(x => x.FailedAttempts, 0)
                .SetProperty(x => x.LockedUntil, (DateTimeOffset?)null)
                .SetProperty(x => x.TotpConfirmedAt, confirmedAt)
                .SetProperty(x => x.LastSignInAt, now), cancellationToken).ConfigureAwait(false);
            if (taken == 0)
            {
                return await FailAsync(staff, cancellationToken).ConfigureAwait(false);
            }

            return new SignInResult(SignInStatus.SignedIn, staff);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
        }
    }

    public async Task<string?> EmailOfAsync(string staffId, CancellationToken cancellationToken) =>
        await db.ConsoleStaff.Where(s => s.Id == staffId).Select(s => s.Email).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>The otpauth URI an authenticator app reads from the QR code.</summary>
    public static string OtpAuthUri(string email, string base32Secret)
    {
        const string issuer = "Faktum Console";
        return $"otpauth://totp/{Uri.EscapeDataString(issuer)}:{Uri.EscapeDataString(email)}?secret={base32Secret}&issuer={Uri.EscapeDataString(issuer)}&algorithm=SHA1&digits=6&period=30";
    }

    private string Unprotect(string protectedSecret) => protection.CreateProtector(Purpose).Unprotect(protectedSecret);

    private bool IsLocked(ConsoleStaff staff) => staff.LockedUntil is { } until && until > time.GetUtcNow();

    private async Task<SignInResult> FailAsync(ConsoleStaff staff, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var fresh = await db.ConsoleStaff.SingleAsync(s => s.Id == staff.Id, cancellationToken).ConfigureAwait(false);
        fresh.FailedAttempts++;
        if (fresh.FailedAttempts >= Settings.MaxFailedAttempts)
        {
            fresh.LockedUntil = time.GetUtcNow() + Settings.LockoutDuration;
            fresh.FailedAttempts = 0;
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return fresh.LockedUntil is { } until && until > time.GetUtcNow()
            ? new SignInResult(SignInStatus.LockedOut, LockedUntil: until)
            : SignInResult.Wrong;
    }
}

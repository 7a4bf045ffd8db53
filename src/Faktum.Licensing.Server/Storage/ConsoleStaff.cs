namespace Faktum.Licensing.Server.Storage;

/// <summary>
/// A staff member of the vendor who may sign in to the web console (created by the CLI: <c>staff add</c>). The password
/// is kept only as an Argon2id hash; the TOTP secret only protected by ASP.NET Core Data Protection (keys in the data folder).
/// </summary>
internal sealed class ConsoleStaff
{
    public required string Id { get; set; }

    /// <summary>Gets or sets the e-mail address the staff member signs in with (lower case, unique).</summary>
    public required string Email { get; set; }

    public ConsoleStaffRole Role { get; set; }

    public required byte[] PasswordHash { get; set; }

    public required byte[] PasswordSalt { get; set; }

    /// <summary>Gets or sets the protected TOTP secret; set at the first sign-in, <see langword="null"/> until then (and after <c>staff reset</c>).</summary>
    public string? TotpSecretProtected { get; set; }

    /// <summary>Gets or sets when the TOTP set-up was confirmed with a code; until then the secret is only pending.</summary>
    public DateTimeOffset? TotpConfirmedAt { get; set; }

    /// <summary>Gets or sets the last accepted TOTP time step: a code of this step or an earlier one is refused (no replay).</summary>
    public long LastTotpStep { get; set; }

    /// <summary>Gets or sets the failed sign-in attempts (password or TOTP) since the last success.</summary>
    public int FailedAttempts { get; set; }

    /// <summary>Gets or sets until when the account is locked after too many failures.</summary>
    public DateTimeOffset? LockedUntil { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? LastSignInAt { get; set; }
}

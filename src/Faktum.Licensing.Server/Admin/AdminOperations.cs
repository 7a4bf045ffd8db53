using Faktum.Licensing.Server.Storage;
using Microsoft.EntityFrameworkCore;

namespace Faktum.Licensing.Server.Admin;

/// <summary>
/// The vendor's actions (S7), shared by the admin API, the CLI's --data-dir mode and the console. Each is one transaction
/// that writes its <see cref="AuditRecord"/> (who from the scope's <see cref="AuditActor"/>) in the same <c>SaveChanges</c>,
/// and returns an <see cref="AdminOutcome{T}"/>: done, not found, or refused with a code of <see cref="AdminRefusals"/>.
/// </summary>
internal sealed class AdminOperations(LicensingDbContext db, TimeProvider time, AuditActor actor, IServiceProvider services)
{
    /// <summary>The latest end a license or trial can be extended to: the calendar ends with the year 9999.</summary>
    public static readonly DateTimeOffset LatestEnd = new(9999, 12, 31, 0, 0, 0, TimeSpan.Zero);

    private const string NoLicense = "No license has that id.";

    private AuditTrail Trail => new(db, actor, time);

    public Task<AdminOutcome<AdminLicenseDto>> MarkPaidAsync(string licenseId, DateTimeOffset? endsAt, DateTimeOffset? updatesEndAt, CancellationToken cancellationToken) =>
        ChangeAsync(licenseId, AuditActions.LicenseMarkedPaid, license =>
        {
            if (license.Status == LicenseRecordStatus.Revoked)
            {
                return (AdminRefusals.LicenseRevoked, "The license is revoked; a revoked license cannot be marked paid.");
            }

            license.Kind = StoredLicenseKind.Paid;
            license.LicenseEndsAt = endsAt;
            license.UpdatesEndAt = updatesEndAt;
            return null;
        }, cancellationToken);

    /// <summary>
    /// Extends the trial (from its end, or from now once it has ended) or the paid license's end; a paid license without
    /// an end stays without one. Refused when the new end would lie past <see cref="LatestEnd"/> or the license is revoked.
    /// </summary>
    public Task<AdminOutcome<AdminLicenseDto>> ExtendAsync(string licenseId, int days, CancellationToken cancellationToken) =>
        ChangeAsync(licenseId, AuditActions.LicenseExtended, license =>
        {
            if (license.Status == LicenseRecordStatus.Revoked)
            {
                return (AdminRefusals.LicenseRevoked, "The license is revoked; a revoked license cannot be extended.");
            }

            var now = time.GetUtcNow();
            var current = license.Kind == StoredLicenseKind.Trial ? license.TrialEndsAt ?? now : license.LicenseEndsAt;
            if (current is not { } end)
            {
                return null; // a paid license without an end stays without one
            }

            end = end > now ? end : now;
            if (end > LatestEnd || (LatestEnd - end).TotalDays < days)
            {
                return (AdminRefusals.PastLatestEnd, $"The new end would lie past {LatestEnd:yyyy-MM-dd}; extend by fewer days.");
            }

            if (license.Kind == StoredLicenseKind.Trial)
            {
                license.TrialEndsAt = end.AddDays(days);
            }
            else
            {
                license.LicenseEndsAt = end.AddDays(days);
            }

            return null;
        }, cancellationToken, $"days {days}");

    public Task<AdminOutcome<AdminLicenseDto>> SuspendAsync(string licenseId, CancellationToken cancellationToken) =>
        ChangeAsync(licenseId, AuditActions.LicenseSuspended, license => license.Status switch
        {
            LicenseRecordStatus.Revoked => (AdminRefusals.LicenseRevoked, "The license is revoked; a revoked license cannot be suspended."),
            LicenseRecordStatus.Suspended => (AdminRefusals.LicenseAlreadySuspended, "The license is already suspended."),
            _ => Set(license, LicenseRecordStatus.Suspended),
        }, cancellationToken);

    /// <summary>Lifts a suspension. A revoked license stays revoked: revocation is final (a new registration starts over).</summary>
    public Task<AdminOutcome<AdminLicenseDto>> ReinstateAsync(string licenseId, CancellationToken cancellationToken) =>
        ChangeAsync(licenseId, AuditActions.LicenseReinstated, license => license.Status == LicenseRecordStatus.Suspended
            ? Set(license, LicenseRecordStatus.Active)
            : (AdminRefusals.LicenseNotSuspended, $"The license is {license.Status.ToString().ToLowerInvariant()}, not suspended; only a suspended license can be reinstated."), cancellationToken);

    public Task<AdminOutcome<AdminLicenseDto>> RevokeAsync(string licenseId, CancellationToken cancellationToken) =>
        ChangeAsync(licenseId, AuditActions.LicenseRevoked, license => license.Status == LicenseRecordStatus.Revoked
            ? (AdminRefusals.LicenseAlreadyRevoked, "The license is already revoked.")
            : Set(license, LicenseRecordStatus.Revoked), cancellationToken);

    /// <summary>Frees the seat of one installation of a license; its next start-up check says "moved".</summary>
    public async Task<AdminOutcome<AdminLicenseDto>> ReleaseInstallationAsync(string licenseId, string installationId, CancellationToken cancellationToken)
    {
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            var license = await LockLicenseAsync(licenseId, cancellationToken).ConfigureAwait(false);
            var bindings = license is null ? [] : await db.Installations.Where(i => i.LicenseId == licenseId && i.InstallationId == installationId)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            if (license is null || bindings.Count == 0)
            {
                return AdminOutcome<AdminLicenseDto>.NotFound(license is null ? NoLicense : "The license has no installation with that id.");
            }

            var active = bindings.Where(b => b.ReleasedAt is null).ToList();
            if (active.Count == 0)
            {
                return AdminOutcome<AdminLicenseDto>.Refused(AdminRefusals.InstallationAlreadyReleased, "The installation is already released.");
            }

            var now = time.GetUtcNow();
            active.ForEach(b => b.ReleasedAt = now);
            Trail.Add(AuditActions.InstallationReleased, license.CompanyId, license.Id,
                new Dictionary<string, object?> { ["releasedAt"] = null }, new Dictionary<string, object?> { ["releasedAt"] = now }, $"installation {installationId}");
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return AdminOutcome<AdminLicenseDto>.Done(await AdminQueries.DescribeAsync(db, license, cancellationToken).ConfigureAwait(false));
        }
    }

    /// <summary>Sends a new registration password to an unconfirmed company's address (the old one is voided).</summary>
    public Task<AdminOutcome<AdminMailDto>> ResendConfirmationAsync(string companyId, CancellationToken cancellationToken) =>
        Mails.ResendConfirmationAsync(companyId, cancellationToken);

    /// <summary>Sends a given-up one-time-password mail again, with a new password (its body, holding the old one, is gone).</summary>
    public Task<AdminOutcome<AdminMailDto>> RetryMailAsync(string messageId, CancellationToken cancellationToken) =>
        Mails.RetryAsync(messageId, cancellationToken);

    /// <summary>Verifies and stores a signed release (a new one, a re-signed rollout, or a withdrawal).</summary>
    public Task<AdminOutcome<AdminReleaseDto>> PublishReleaseAsync(string signedJson, CancellationToken cancellationToken) =>
        Releases.PublishAsync(signedJson, withdrawal: false, cancellationToken);

    /// <summary>Sets the server's rollout of a release (it only narrows the signed one); 0 pauses.</summary>
    public Task<AdminOutcome<AdminReleaseDto>> SetRolloutAsync(string releaseId, int percentage, CancellationToken cancellationToken) =>
        Releases.SetRolloutAsync(releaseId, percentage, pause: false, cancellationToken);

    public Task<AdminOutcome<AdminReleaseDto>> PauseReleaseAsync(string releaseId, CancellationToken cancellationToken) =>
        Releases.SetRolloutAsync(releaseId, 0, pause: true, cancellationToken);

    /// <summary>Publishes a signed withdrawal (made offline by <c>releases withdraw</c>): refused unless it withdraws a published, not yet withdrawn release.</summary>
    public Task<AdminOutcome<AdminReleaseDto>> WithdrawReleaseAsync(string signedJson, CancellationToken cancellationToken) =>
        Releases.PublishAsync(signedJson, withdrawal: true, cancellationToken);

    /// <summary>Releases a disputed company identity (F2); see <see cref="CompanyIdentityDisputes.ReleaseAsync"/>.</summary>
    public Task<AdminDisputeResult> ReleaseIdentityAsync(string identityKey, string reason, CancellationToken cancellationToken) =>
        new CompanyIdentityDisputes(db, time, Trail).ReleaseAsync(identityKey, reason, cancellationToken);

    /// <summary>Hands a disputed company identity to its rightful owner (F2); see <see cref="CompanyIdentityDisputes.HandOverAsync"/>.</summary>
    public Task<AdminDisputeResult> HandOverIdentityAsync(string identityKey, string email, string reason, CancellationToken cancellationToken) =>
        new CompanyIdentityDisputes(db, time, Trail).HandOverAsync(identityKey, email.Trim().ToLowerInvariant(), reason, cancellationToken);

    private AdminMailOperations Mails => new(db, time, Trail, services);

    private AdminReleaseOperations Releases => new(db, time, Trail, services);

    private static (string Code, string Message)? Set(License license, LicenseRecordStatus status)
    {
        license.Status = status;
        return null;
    }

    /// <summary>
    /// The shape of every audited license change, shared by <see cref="SeatAdminOperations"/> and <see cref="LicenseFeatureOperations"/>:
    /// one transaction; the account's row locked first when <paramref name="lockAccount"/> (the lock a move takes, for a change
    /// to seats or moves), then the license's row; the change; its audit row; one <c>SaveChanges</c>. <paramref name="describe"/>
    /// reads the result once committed. Not found when no license has the id; a refusal writes nothing.
    /// </summary>
    internal async Task<AdminOutcome<T>> ChangeLicenseAsync<T>(
        string licenseId, string action, bool lockAccount, Func<License, CancellationToken, Task<LicenseChange>> change, Func<License, CancellationToken, Task<T>> describe, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(describe);
        var accountId = lockAccount
            ? await (from l in db.Licenses where l.Id == licenseId select l.Company!.AccountId).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false)
            : null;
        if (lockAccount && accountId is null)
        {
            return AdminOutcome<T>.NotFound(NoLicense);
        }

        License? license;
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            if (accountId is not null)
            {
                await db.LockAccountAsync(accountId, cancellationToken).ConfigureAwait(false);
            }

            license = await LockLicenseAsync(licenseId, cancellationToken).ConfigureAwait(false);
            if (license is null)
            {
                return AdminOutcome<T>.NotFound(NoLicense);
            }

            var changed = await change(license, cancellationToken).ConfigureAwait(false);
            if (changed.RefusalCode is { } code)
            {
                return AdminOutcome<T>.Refused(code, changed.RefusalMessage ?? code);
            }

            Trail.Add(action, license.CompanyId, license.Id, changed.Before, changed.After, changed.Detail);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        return AdminOutcome<T>.Done(await describe(license, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Locks the license's row for the transaction (a no-op UPDATE), so a check-then-change cannot race another instance.</summary>
    private async Task<License?> LockLicenseAsync(string licenseId, CancellationToken cancellationToken) =>
        await db.Licenses.Where(l => l.Id == licenseId).ExecuteUpdateAsync(s => s.SetProperty(l => l.InstallationLimit, l => l.InstallationLimit), cancellationToken).ConfigureAwait(false) == 0
            ? null
            : await db.Licenses.SingleAsync(l => l.Id == licenseId, cancellationToken).ConfigureAwait(false);

    private Task<AdminOutcome<AdminLicenseDto>> ChangeAsync(
        string licenseId, string action, Func<License, (string Code, string Message)?> change, CancellationToken cancellationToken, string? detail = null) =>
        ChangeLicenseAsync(licenseId, action, lockAccount: false, (license, _) =>
        {
            var before = AuditTrail.Snapshot(license);
            return Task.FromResult(change(license) is { } refusal
                ? LicenseChange.Refused(refusal.Code, refusal.Message)
                : new LicenseChange(before, AuditTrail.Snapshot(license), detail));
        }, (license, c) => AdminQueries.DescribeAsync(db, license, c), cancellationToken);
}

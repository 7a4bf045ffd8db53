using Faktum.Licensing.Server.Storage;
using Microsoft.EntityFrameworkCore;

namespace Faktum.Licensing.Server.Admin;

/// <summary>The vendor's actions on licenses (S7), shared by the admin API and the CLI's --data-dir mode. Each is one transaction.</summary>
internal sealed class AdminOperations(LicensingDbContext db, TimeProvider time)
{
    public Task<AdminLicenseDto?> MarkPaidAsync(string licenseId, DateTimeOffset? endsAt, DateTimeOffset? updatesEndAt, CancellationToken cancellationToken) =>
        ChangeAsync(licenseId, license =>
        {
            license.Kind = StoredLicenseKind.Paid;
            license.LicenseEndsAt = endsAt;
            license.UpdatesEndAt = updatesEndAt;
        }, cancellationToken);

    /// <summary>The latest end a license or trial can be extended to: the calendar ends with the year 9999.</summary>
    public static readonly DateTimeOffset LatestEnd = new(9999, 12, 31, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Extends the trial (from its end, or from now once it has ended) or the paid license's end; a paid license
    /// without an end stays without one. Refused, and nothing changed, when the new end would lie past <see cref="LatestEnd"/>.
    /// </summary>
    public async Task<AdminExtension> TryExtendAsync(string licenseId, int days, CancellationToken cancellationToken)
    {
        var refused = false;
        var changed = await ChangeAsync(licenseId, license =>
        {
            var now = time.GetUtcNow();
            if (license.Kind == StoredLicenseKind.Trial)
            {
                var end = license.TrialEndsAt is { } trialEnd && trialEnd > now ? trialEnd : now;
                refused = !Fits(end, days);
                if (!refused)
                {
                    license.TrialEndsAt = end.AddDays(days);
                }
            }
            else if (license.LicenseEndsAt is { } paidEnd)
            {
                var end = paidEnd > now ? paidEnd : now;
                refused = !Fits(end, days);
                if (!refused)
                {
                    license.LicenseEndsAt = end.AddDays(days);
                }
            }
        }, cancellationToken).ConfigureAwait(false);
        return changed is null ? AdminExtension.NotFound
            : refused ? AdminExtension.PastLatestEnd
            : new AdminExtension(AdminExtensionStatus.Extended, changed);

        static bool Fits(DateTimeOffset end, int days) => end <= LatestEnd && (LatestEnd - end).TotalDays >= days;
    }

    /// <summary>The CLI's form of <see cref="TryExtendAsync"/>: <see langword="null"/> for an unknown license.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The new end would lie past <see cref="LatestEnd"/>.</exception>
    public async Task<AdminLicenseDto?> ExtendAsync(string licenseId, int days, CancellationToken cancellationToken)
    {
        var result = await TryExtendAsync(licenseId, days, cancellationToken).ConfigureAwait(false);
        return result.Status == AdminExtensionStatus.PastLatestEnd
            ? throw new ArgumentOutOfRangeException(nameof(days), days, $"The new end would lie past {LatestEnd:yyyy-MM-dd}; extend by fewer days.")
            : result.License;
    }

    public Task<AdminLicenseDto?> SuspendAsync(string licenseId, CancellationToken cancellationToken) =>
        ChangeAsync(licenseId, license => license.Status = license.Status == LicenseRecordStatus.Revoked ? LicenseRecordStatus.Revoked : LicenseRecordStatus.Suspended, cancellationToken);

    public Task<AdminLicenseDto?> ReinstateAsync(string licenseId, CancellationToken cancellationToken) =>
        ChangeAsync(licenseId, license => license.Status = license.Status is LicenseRecordStatus.Suspended or LicenseRecordStatus.Revoked ? LicenseRecordStatus.Active : license.Status, cancellationToken);

    public Task<AdminLicenseDto?> RevokeAsync(string licenseId, CancellationToken cancellationToken) =>
        ChangeAsync(licenseId, license => license.Status = LicenseRecordStatus.Revoked, cancellationToken);

    public async Task<AdminCompanyDto?> LookupByEmailAsync(string email, CancellationToken cancellationToken)
    {
        var normalized = email.Trim().ToLowerInvariant();
        var company = await db.Companies.AsNoTracking().Include(c => c.Account)
            .SingleOrDefaultAsync(c => c.Account!.Email == normalized, cancellationToken).ConfigureAwait(false);
        return company is null ? null : await DescribeAsync(company, cancellationToken).ConfigureAwait(false);
    }

    public async Task<AdminCompanyDto?> LookupByIdentityAsync(string identityKey, CancellationToken cancellationToken)
    {
        var company = await db.Companies.AsNoTracking().Include(c => c.Account)
            .SingleOrDefaultAsync(c => c.IdentityKey == identityKey, cancellationToken).ConfigureAwait(false);
        return company is null ? null : await DescribeAsync(company, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Releases a disputed company identity (F2); see <see cref="CompanyIdentityDisputes.ReleaseAsync"/>.</summary>
    public Task<AdminDisputeResult> ReleaseIdentityAsync(string identityKey, string reason, CancellationToken cancellationToken) =>
        new CompanyIdentityDisputes(db, time).ReleaseAsync(identityKey, reason, cancellationToken);

    /// <summary>Hands a disputed company identity to its rightful owner (F2); see <see cref="CompanyIdentityDisputes.HandOverAsync"/>.</summary>
    public Task<AdminDisputeResult> HandOverIdentityAsync(string identityKey, string email, string reason, CancellationToken cancellationToken) =>
        new CompanyIdentityDisputes(db, time).HandOverAsync(identityKey, email.Trim().ToLowerInvariant(), reason, cancellationToken);

    /// <summary>The mailboxes whose addresses hold at least <paramref name="minimum"/> trial companies (F2): flagged, not forbidden.</summary>
    public async Task<IReadOnlyList<AdminMailboxDto>> FlaggedMailboxesAsync(int minimum, CancellationToken cancellationToken)
    {
        var trials = from c in db.Companies
                     join a in db.Accounts on c.AccountId equals a.Id
                     where db.Licenses.Any(l => l.CompanyId == c.Id && l.Kind == StoredLicenseKind.Trial)
                     select new { a.Mailbox, c.Id, c.Name, c.Postcode, a.Email, a.EmailConfirmedAt, c.CreatedAt };
        var flagged = await trials.GroupBy(t => t.Mailbox).Where(g => g.Count() >= minimum).Select(g => g.Key)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var companies = await trials.AsNoTracking().Where(t => flagged.Contains(t.Mailbox)).ToListAsync(cancellationToken).ConfigureAwait(false);
        return companies.GroupBy(t => t.Mailbox, StringComparer.Ordinal)
            .Select(g => new AdminMailboxDto(g.Key, g.Count(), g.OrderBy(t => t.CreatedAt)
                .Select(t => new AdminMailboxCompanyDto(t.Id, t.Name, t.Postcode, t.Email, t.EmailConfirmedAt, t.CreatedAt)).ToList()))
            .OrderByDescending(m => m.TrialCompanies).ThenBy(m => m.Mailbox, StringComparer.Ordinal).ToList();
    }

    private async Task<AdminLicenseDto?> ChangeAsync(string licenseId, Action<License> change, CancellationToken cancellationToken)
    {
        var license = await db.Licenses.SingleOrDefaultAsync(l => l.Id == licenseId, cancellationToken).ConfigureAwait(false);
        if (license is null)
        {
            return null;
        }

        change(license);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return await DescribeAsync(license, cancellationToken).ConfigureAwait(false);
    }

    private async Task<AdminCompanyDto> DescribeAsync(Company company, CancellationToken cancellationToken)
    {
        var licenses = await db.Licenses.AsNoTracking().Where(l => l.CompanyId == company.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        var described = new List<AdminLicenseDto>();
        foreach (var license in licenses.OrderBy(l => l.CreatedAt))
        {
            described.Add(await DescribeAsync(license, cancellationToken).ConfigureAwait(false));
        }

        return new AdminCompanyDto(company.Id, company.Name, company.Postcode, company.Country, company.IdentityKey, company.Street, company.HouseNumber,
            company.City, company.ContactName, company.Phone, company.Account!.Email, company.Account.EmailConfirmedAt, described);
    }

    private async Task<AdminLicenseDto> DescribeAsync(License license, CancellationToken cancellationToken)
    {
        var installations = await db.Installations.AsNoTracking().Where(i => i.LicenseId == license.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return new AdminLicenseDto(license.Id, license.Product, license.Kind.ToString().ToLowerInvariant(), license.Status.ToString().ToLowerInvariant(),
            license.TrialEndsAt, license.LicenseEndsAt, license.UpdatesEndAt, license.InstallationLimit,
            installations.OrderBy(i => i.BoundAt).Select(i => new AdminInstallationDto(i.InstallationId, i.BoundAt, i.ReleasedAt)).ToList());
    }
}

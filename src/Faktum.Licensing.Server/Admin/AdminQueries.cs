using System.Globalization;
using Faktum.Licensing.Companies;
using Faktum.Licensing.Server.Storage;
using Faktum.Licensing.Server.Updates;
using Microsoft.EntityFrameworkCore;

namespace Faktum.Licensing.Server.Admin;

/// <summary>
/// The reads of the admin API, the CLI and the console: company search and detail, the home counts, the outbox (never a
/// body) and the releases. Read-only, no audit row. The audit log's own reads are <see cref="AdminAuditLog"/>.
/// </summary>
internal sealed class AdminQueries(LicensingDbContext db, TimeProvider time)
{
    /// <summary>
    /// Finds companies by a license id (exact), an e-mail address (part of it, when the text holds an @), a postcode
    /// (as typed or canonical) or a name (as typed, or its canonical form: case, accents, legal forms folded as at registration).
    /// </summary>
    public async Task<IReadOnlyList<AdminCompanySummaryDto>> SearchCompaniesAsync(string text, int limit, CancellationToken cancellationToken)
    {
        var query = (text ?? string.Empty).Trim();
        if (query.Length == 0)
        {
            return [];
        }

        var lower = query.ToLowerInvariant();
        IQueryable<Company> companies;
        if (query.Contains('@', StringComparison.Ordinal))
        {
#pragma warning disable CA1304, CA1311, CA1862 // translated to SQL lower() on both providers, not run in .NET
            companies = db.Companies.Where(c => c.Account!.Email.Contains(lower));
        }
        else
        {
            var canonicalName = CompanyName.Canonicalize(query, out _, out var canonical) is null ? canonical : null;
            var postcodeKey = PostalCode.Canonicalize(query, Companies.CompanyIdentityCanonicalizer.DefaultCountry, out var key, out _) is null ? ":" + key + ":" : null;
            var compact = lower.Replace(" ", string.Empty, StringComparison.Ordinal);
#pragma warning disable CA1304, CA1311, CA1862 // translated to SQL lower() on both providers, not run in .NET
            companies = db.Companies.Where(c =>
                db.Licenses.Any(l => l.CompanyId == c.Id && l.Id == query)
                || c.Name.ToLower().Contains(lower)
                || (canonicalName != null && c.IdentityKey.Contains(canonicalName))
                || c.Postcode.ToLower().Replace(" ", string.Empty) == compact
                || (postcodeKey != null && c.IdentityKey.Contains(postcodeKey)));
#pragma warning restore CA1304, CA1311, CA1862
        }

        return await SummariesAsync(companies, limit, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The other companies of the account that owns <paramref name="companyId"/> (one e-mail address, several companies: S9), by name.</summary>
    public async Task<IReadOnlyList<AdminCompanySummaryDto>> AccountCompaniesAsync(string companyId, CancellationToken cancellationToken)
    {
        var account = db.Companies.Where(c => c.Id == companyId).Select(c => c.AccountId);
        return await SummariesAsync(db.Companies.Where(c => c.Id != companyId && account.Contains(c.AccountId)), 200, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The company page: name, address, contact, account, licenses with their installations.</summary>
    public async Task<AdminCompanyDto?> CompanyAsync(string companyId, CancellationToken cancellationToken)
    {
        var company = await db.Companies.AsNoTracking().Include(c => c.Account).SingleOrDefaultAsync(c => c.Id == companyId, cancellationToken).ConfigureAwait(false);
        return company is null ? null : await DescribeAsync(db, company, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The company of an e-mail address: of an account with several (S9), its first registered; the search lists them all.</summary>
    public async Task<AdminCompanyDto?> LookupByEmailAsync(string email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        var normalized = email.Trim().ToLowerInvariant();
        var company = await db.Companies.AsNoTracking().Include(c => c.Account).Where(c => c.Account!.Email == normalized)
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return company is null ? null : await DescribeAsync(db, company, cancellationToken).ConfigureAwait(false);
    }

    public async Task<AdminCompanyDto?> LookupByIdentityAsync(string identityKey, CancellationToken cancellationToken)
    {
        var company = await db.Companies.AsNoTracking().Include(c => c.Account)
            .SingleOrDefaultAsync(c => c.IdentityKey == identityKey, cancellationToken).ConfigureAwait(false);
        return company is null ? null : await DescribeAsync(db, company, cancellationToken).ConfigureAwait(false);
    }

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

    /// <summary>The home counts: licenses by state, start-up checks per day (14 days), moves per week (8 weeks), the outbox.</summary>
    public async Task<AdminHomeDto> HomeAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var week = now.AddDays(7);
        var licenses = db.Licenses.AsNoTracking();
        var trialsActive = await licenses.CountAsync(l => l.Kind == StoredLicenseKind.Trial && l.Status == LicenseRecordStatus.Active && l.TrialEndsAt > now, cancellationToken).ConfigureAwait(false);
        var ending = await licenses.CountAsync(l => l.Kind == StoredLicenseKind.Trial && l.Status == LicenseRecordStatus.Active && l.TrialEndsAt > now && l.TrialEndsAt <= week, cancellationToken).ConfigureAwait(false);
        var paid = await licenses.CountAsync(l => l.Kind == StoredLicenseKind.Paid && l.Status == LicenseRecordStatus.Active, cancellationToken).ConfigureAwait(false);
        var suspended = await licenses.CountAsync(l => l.Status == LicenseRecordStatus.Suspended, cancellationToken).ConfigureAwait(false);
        var revoked = await licenses.CountAsync(l => l.Status == LicenseRecordStatus.Revoked, cancellationToken).ConfigureAwait(false);

        var firstDay = DateOnly.FromDateTime(now.UtcDateTime).AddDays(-13);
        var days = Enumerable.Range(0, 14).Select(i => firstDay.AddDays(i).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).ToList();
        var checks = await db.StartupCheckDays.AsNoTracking().Where(d => days.Contains(d.Day)).ToDictionaryAsync(d => d.Day, d => d.Checks, cancellationToken).ConfigureAwait(false);

        var thisMonday = MondayOf(DateOnly.FromDateTime(now.UtcDateTime));
        var since = new DateTimeOffset(thisMonday.AddDays(-49).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var moves = await db.Installations.AsNoTracking().Where(i => i.ReleasedAt >= since).Select(i => i.ReleasedAt!.Value).ToListAsync(cancellationToken).ConfigureAwait(false);
        var movesPerWeek = Enumerable.Range(0, 8).Select(i => thisMonday.AddDays(7 * (i - 7)))
            .Select(monday => new AdminCount(monday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), moves.Count(m => MondayOf(DateOnly.FromDateTime(m.UtcDateTime)) == monday))).ToList();

        var queued = await db.OutboxMessages.CountAsync(m => m.Status == OutboxMessageStatus.Pending, cancellationToken).ConfigureAwait(false);
        var failed = await db.OutboxMessages.CountAsync(m => m.Status == OutboxMessageStatus.Failed, cancellationToken).ConfigureAwait(false);
        return new AdminHomeDto(trialsActive, ending, paid, suspended, revoked, days.Select(d => new AdminCount(d, checks.GetValueOrDefault(d))).ToList(), movesPerWeek, queued, failed);
    }

    /// <summary>
    /// The outbox, newest first, optionally one status and one company; never a body. A mail goes to an account: it is shown
    /// with the company asked for, or else with the account's first registered company (S9: an account may have several).
    /// </summary>
    public async Task<AdminPage<AdminMailDto>> MailAsync(OutboxMessageStatus? status, string? companyId, int page, int pageSize, CancellationToken cancellationToken)
    {
        var query = from m in db.OutboxMessages.AsNoTracking()
                    where m.Kind != Email.MailOutbox.DecoyKind
                    select new
                    {
                        Message = m,
                        CompanyId = companyId != null && db.Companies.Any(c => c.Id == companyId && c.AccountId == m.AccountId)
                            ? companyId
                            : db.Companies.Where(c => c.AccountId == m.AccountId).OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).Select(c => c.Id).FirstOrDefault(),
                    };
        query = status is { } wanted ? query.Where(r => r.Message.Status == wanted) : query;
        query = companyId is null ? query : query.Where(r => r.CompanyId == companyId);
        (page, pageSize) = (Math.Max(1, page), Math.Clamp(pageSize, 1, 500));
        var total = await query.CountAsync(cancellationToken).ConfigureAwait(false);

        // Only the columns the list shows: the body never leaves the database.
        var rows = await query.OrderByDescending(r => r.Message.CreatedAt).ThenBy(r => r.Message.Id).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(r => new
            {
                r.Message.Id, r.Message.Kind, r.Message.AccountId, r.CompanyId, r.Message.Status, r.Message.CreatedAt, r.Message.NextAttemptAt,
                r.Message.Attempts, r.Message.LastError, r.Message.CompletedAt,
            })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return new AdminPage<AdminMailDto>(rows.Select(r => new AdminMailDto(r.Id, r.Kind, r.AccountId, r.CompanyId, r.Status.ToString().ToLowerInvariant(), r.CreatedAt,
            r.NextAttemptAt, r.Attempts, r.LastError, r.CompletedAt)).ToList(), page, pageSize, total);
    }

    /// <summary>The published releases of every product, newest sequence first.</summary>
    public async Task<IReadOnlyList<AdminReleaseDto>> ReleasesAsync(CancellationToken cancellationToken) =>
        (await ReleaseCatalog.ListAsync(db, cancellationToken).ConfigureAwait(false)).Select(r => AdminReleaseDto.From(r.Manifest, r.EffectiveRollout)).ToList();

    /// <summary>The sequence the next signed manifest of <paramref name="product"/> must carry: one above the highest published.</summary>
    public async Task<long> NextSequenceAsync(string product, CancellationToken cancellationToken) =>
        (await db.Releases.Where(r => r.Product == product).MaxAsync(r => (long?)r.Sequence, cancellationToken).ConfigureAwait(false) ?? 0) + 1;

    /// <summary>The signed JSON of a release's newest manifest (what <c>releases withdraw</c> copies and re-signs offline), or null.</summary>
    public Task<string?> ReleaseHeadAsync(string releaseId, CancellationToken cancellationToken) =>
        db.Releases.AsNoTracking().Where(r => r.ReleaseId == releaseId).OrderByDescending(r => r.Sequence).Select(r => r.SignedJson).FirstOrDefaultAsync(cancellationToken);

    internal static async Task<AdminCompanyDto> DescribeAsync(LicensingDbContext db, Company company, CancellationToken cancellationToken)
    {
        var licenses = await db.Licenses.AsNoTracking().Where(l => l.CompanyId == company.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        var described = new List<AdminLicenseDto>();
        foreach (var license in licenses.OrderBy(l => l.CreatedAt))
        {
            described.Add(await DescribeAsync(db, license, cancellationToken).ConfigureAwait(false));
        }

        return new AdminCompanyDto(company.Id, company.Name, company.Postcode, company.Country, company.IdentityKey, company.Street, company.HouseNumber,
            company.City, company.ContactName, company.Phone, company.Account!.Email, company.Account.EmailConfirmedAt, described);
    }

    internal static async Task<AdminLicenseDto> DescribeAsync(LicensingDbContext db, License license, CancellationToken cancellationToken)
    {
        var installations = await db.Installations.AsNoTracking().Where(i => i.LicenseId == license.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        return new AdminLicenseDto(license.Id, license.Product, license.Kind.ToString().ToLowerInvariant(), license.Status.ToString().ToLowerInvariant(),
            license.TrialEndsAt, license.LicenseEndsAt, license.UpdatesEndAt, license.InstallationLimit,
            installations.OrderBy(i => i.BoundAt).Select(i => new AdminInstallationDto(i.InstallationId, i.BoundAt, i.ReleasedAt, i.LastSeenAt, i.AppVersion, i.Channel, i.Label)).ToList());
    }

    private async Task<IReadOnlyList<AdminCompanySummaryDto>> SummariesAsync(IQueryable<Company> companies, int limit, CancellationToken cancellationToken)
    {
        var rows = await companies.AsNoTracking().OrderBy(c => c.Name).Take(Math.Clamp(limit, 1, 200))
            .Select(c => new { c.Id, c.Name, c.Postcode, c.City, c.Country, c.Account!.Email, License = db.Licenses.Where(l => l.CompanyId == c.Id).OrderBy(l => l.CreatedAt).FirstOrDefault() })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Select(r => new AdminCompanySummaryDto(r.Id, r.Name, r.Postcode, r.City, r.Country, r.Email, r.License?.Id,
            r.License?.Kind.ToString().ToLowerInvariant(), r.License?.Status.ToString().ToLowerInvariant())).ToList();
    }

    private static DateOnly MondayOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
}

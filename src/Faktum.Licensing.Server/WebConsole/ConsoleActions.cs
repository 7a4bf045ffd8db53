using Faktum.Licensing.Server.Admin;
using Faktum.Licensing.Server.Storage;
using Microsoft.EntityFrameworkCore;

namespace Faktum.Licensing.Server.WebConsole;

/// <summary>
/// The company page's actions, each one call of <see cref="AdminOperations"/> (one transaction, audited with the console
/// and the staff member's e-mail as the actor). A license id must belong to the company the page shows.
/// </summary>
internal sealed class ConsoleActions(AdminOperations operations, LicensingDbContext db)
{
    public async Task<ConsoleActionResult> RunAsync(string companyId, string licenseId, string action, int days, DateTimeOffset? endsAt, CancellationToken cancellationToken)
    {
        var license = await db.Licenses.AsNoTracking().SingleOrDefaultAsync(l => l.Id == licenseId && l.CompanyId == companyId, cancellationToken).ConfigureAwait(false);
        if (license is null)
        {
            return ConsoleActionResult.No("not-found");
        }

        switch (action)
        {
            case "paid":
                await operations.MarkPaidAsync(licenseId, endsAt, license.UpdatesEndAt ?? endsAt, cancellationToken).ConfigureAwait(false);
                return ConsoleActionResult.Ok("marked-paid");
            case "extend":
                if (days is < 1 or > 3650)
                {
                    return ConsoleActionResult.No("days-out-of-range");
                }

                var extended = await operations.TryExtendAsync(licenseId, days, cancellationToken).ConfigureAwait(false);
                return extended.Status == AdminExtensionStatus.Extended ? ConsoleActionResult.Ok("extended") : ConsoleActionResult.No("past-latest-end");
            case "suspend":
                if (license.Status != LicenseRecordStatus.Active)
                {
                    return ConsoleActionResult.No(license.Status == LicenseRecordStatus.Revoked ? "license-revoked" : "license-already-suspended");
                }

                await operations.SuspendAsync(licenseId, cancellationToken).ConfigureAwait(false);
                return ConsoleActionResult.Ok("suspended");
            case "reinstate":
                if (license.Status == LicenseRecordStatus.Active)
                {
                    return ConsoleActionResult.No("license-not-suspended");
                }

                await operations.ReinstateAsync(licenseId, cancellationToken).ConfigureAwait(false);
                return ConsoleActionResult.Ok("reinstated");
            case "revoke":
                if (license.Status == LicenseRecordStatus.Revoked)
                {
                    return ConsoleActionResult.No("license-already-revoked");
                }

                await operations.RevokeAsync(licenseId, cancellationToken).ConfigureAwait(false);
                return ConsoleActionResult.Ok("revoked");
            default:
                return ConsoleActionResult.No("not-found");
        }
    }
}

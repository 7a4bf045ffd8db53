using Faktum.Licensing.Server.Admin;
using Faktum.Licensing.Server.Storage;
using Microsoft.EntityFrameworkCore;

namespace Faktum.Licensing.Server.WebConsole;

/// <summary>
/// The console's actions, each one call of <see cref="AdminOperations"/> (one transaction with its audit row; the actor is
/// the console and the staff member's e-mail, set by <see cref="Pages.ConsolePageModel"/>). A license id must belong to
/// the company the page shows. A refusal comes back as its stable code, shown in the user's language.
/// </summary>
internal sealed class ConsoleActions(AdminOperations operations, LicensingDbContext db)
{
    public async Task<ConsoleActionResult> OnLicenseAsync(string companyId, string licenseId, string action, int days, DateTimeOffset? endsAt, string? installationId, CancellationToken cancellationToken)
    {
        var license = await db.Licenses.AsNoTracking().SingleOrDefaultAsync(l => l.Id == licenseId && l.CompanyId == companyId, cancellationToken).ConfigureAwait(false);
        if (license is null)
        {
            return ConsoleActionResult.No("not-found");
        }

        if (action == "extend" && days is < 1 or > 3650)
        {
            return ConsoleActionResult.No("days-out-of-range");
        }

        return action switch
        {
            "paid" => From(await operations.MarkPaidAsync(licenseId, endsAt, license.UpdatesEndAt ?? endsAt, cancellationToken).ConfigureAwait(false), "marked-paid"),
            "extend" => From(await operations.ExtendAsync(licenseId, days, cancellationToken).ConfigureAwait(false), "extended"),
            "suspend" => From(await operations.SuspendAsync(licenseId, cancellationToken).ConfigureAwait(false), "suspended"),
            "reinstate" => From(await operations.ReinstateAsync(licenseId, cancellationToken).ConfigureAwait(false), "reinstated"),
            "revoke" => From(await operations.RevokeAsync(licenseId, cancellationToken).ConfigureAwait(false), "revoked"),
            "release-installation" => From(await operations.ReleaseInstallationAsync(licenseId, installationId ?? string.Empty, cancellationToken).ConfigureAwait(false), "installation-released"),
            _ => ConsoleActionResult.No("not-found"),
        };
    }

    public async Task<ConsoleActionResult> ResendConfirmationAsync(string companyId, CancellationToken cancellationToken) =>
        From(await operations.ResendConfirmationAsync(companyId, cancellationToken).ConfigureAwait(false), "confirmation-resent");

    public async Task<ConsoleActionResult> RetryMailAsync(string messageId, CancellationToken cancellationToken) =>
        From(await operations.RetryMailAsync(messageId, cancellationToken).ConfigureAwait(false), "mail-retried");

    public async Task<ConsoleActionResult> OnReleaseAsync(string action, string? releaseId, int percentage, string? signedJson, CancellationToken cancellationToken)
    {
        if (action == "rollout" && percentage is < 0 or > 100)
        {
            return ConsoleActionResult.No("rollout-out-of-range");
        }

        return action switch
        {
            "rollout" => From(await operations.SetRolloutAsync(releaseId ?? string.Empty, percentage, cancellationToken).ConfigureAwait(false), "rollout-set"),
            "pause" => From(await operations.PauseReleaseAsync(releaseId ?? string.Empty, cancellationToken).ConfigureAwait(false), "rollout-set"),
            "publish" => From(await operations.PublishReleaseAsync(signedJson ?? string.Empty, cancellationToken).ConfigureAwait(false), "published"),
            "withdraw" => From(await operations.WithdrawReleaseAsync(signedJson ?? string.Empty, cancellationToken).ConfigureAwait(false), "published"),
            _ => ConsoleActionResult.No("not-found"),
        };
    }

    private static ConsoleActionResult From<T>(AdminOutcome<T> outcome, string notice)
        where T : class =>
        outcome.IsDone ? ConsoleActionResult.Ok(notice) : ConsoleActionResult.No(outcome.Code ?? "not-found");
}

using Faktum.Licensing.Server.Admin;
using Faktum.Licensing.Server.Licenses;
using Faktum.Licensing.Server.Storage;
using Microsoft.EntityFrameworkCore;

namespace Faktum.Licensing.Server.WebConsole;

/// <summary>
/// The console's actions, each one call of <see cref="AdminOperations"/>, <see cref="SeatAdminOperations"/> or
/// <see cref="LicenseFeatureOperations"/> (one transaction with its audit row; the actor is the console and the staff member's
/// e-mail, set by <see cref="Pages.ConsolePageModel"/>). A license id must belong to the company the page shows. A refusal
/// comes back as its stable code, shown in the user's language; bad input is refused at its field before anything is called.
/// </summary>
internal sealed class ConsoleActions(AdminOperations operations, SeatAdminOperations seats, LicenseFeatureOperations features, LicensingDbContext db)
{
    /// <summary>The form fields whose refusals are shown at the field.</summary>
    public const string SeatsField = "seats";

    public const string EntitlementsField = "entitlements";

    private static readonly char[] EntitlementSeparators = [',', ';', ' ', '\t', '\r', '\n'];

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

    /// <summary>Sets the seats: 1 to <see cref="SeatAdminOperations.MaxSeats"/>, else refused at the field (a number that is no number too).</summary>
    public async Task<ConsoleActionResult> SetSeatsAsync(string companyId, string licenseId, string? seatsText, CancellationToken cancellationToken)
    {
        if (!int.TryParse(seatsText?.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var count)
            || count is < 1 or > SeatAdminOperations.MaxSeats)
        {
            return ConsoleActionResult.AtField(SeatsField, "seats-out-of-range");
        }

        return await OwnsAsync(companyId, licenseId, cancellationToken).ConfigureAwait(false)
            ? Found(await seats.SetSeatsAsync(licenseId, count, cancellationToken).ConfigureAwait(false), "seats-set")
            : ConsoleActionResult.No("not-found");
    }

    public async Task<ConsoleActionResult> GrantMoveAsync(string companyId, string licenseId, CancellationToken cancellationToken) =>
        await OwnsAsync(companyId, licenseId, cancellationToken).ConfigureAwait(false)
            ? Found(await seats.GrantMoveAsync(licenseId, cancellationToken).ConfigureAwait(false), "move-granted")
            : ConsoleActionResult.No("not-found");

    /// <summary>
    /// Sets the entitlements from the form's text (names separated by commas, spaces or lines), checked by <see cref="EntitlementNames"/>
    /// as the admin API checks them; the first bad name is refused at the field.
    /// </summary>
    public Task<ConsoleActionResult> SetEntitlementsAsync(string companyId, string licenseId, string? text, CancellationToken cancellationToken)
    {
        var names = (text ?? string.Empty).Split(EntitlementSeparators, StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToList();
        if (names.FirstOrDefault(n => !EntitlementNames.IsValid(n)) is { } bad)
        {
            return Task.FromResult(ConsoleActionResult.AtField(EntitlementsField, "entitlement-invalid", bad));
        }

        return names.Count > EntitlementNames.MaxCount
            ? Task.FromResult(ConsoleActionResult.AtField(EntitlementsField, "entitlements-too-many"))
            : StoreEntitlementsAsync(companyId, licenseId, names, cancellationToken);
    }

    /// <summary>Removes one entitlement from what the license grants now (from the default, when nothing is set).</summary>
    public async Task<ConsoleActionResult> RemoveEntitlementAsync(string companyId, string licenseId, string? name, Func<AdminEntitlementsDto, IReadOnlyList<string>> defaults, CancellationToken cancellationToken)
    {
        var current = await features.EntitlementsAsync(licenseId, cancellationToken).ConfigureAwait(false);
        return current is null
            ? ConsoleActionResult.No("not-found")
            : await StoreEntitlementsAsync(companyId, licenseId, (current.Entitlements ?? defaults(current)).Where(n => n != name).ToList(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Returns the license to the default entitlements (a trial: the product's; paid: none).</summary>
    public Task<ConsoleActionResult> DefaultEntitlementsAsync(string companyId, string licenseId, CancellationToken cancellationToken) =>
        StoreEntitlementsAsync(companyId, licenseId, null, cancellationToken);

    public async Task<ConsoleActionResult> ClearCopiesAsync(string companyId, string licenseId, CancellationToken cancellationToken) =>
        await OwnsAsync(companyId, licenseId, cancellationToken).ConfigureAwait(false)
            ? Found(await features.ClearCopiesAsync(licenseId, cancellationToken).ConfigureAwait(false), "copies-cleared")
            : ConsoleActionResult.No("not-found");

    private async Task<ConsoleActionResult> StoreEntitlementsAsync(string companyId, string licenseId, IReadOnlyList<string>? names, CancellationToken cancellationToken) =>
        await OwnsAsync(companyId, licenseId, cancellationToken).ConfigureAwait(false)
            ? Found(await features.SetEntitlementsAsync(licenseId, names, cancellationToken).ConfigureAwait(false), "entitlements-set")
            : ConsoleActionResult.No("not-found");

    private Task<bool> OwnsAsync(string companyId, string licenseId, CancellationToken cancellationToken) =>
        db.Licenses.AnyAsync(l => l.Id == licenseId && l.CompanyId == companyId, cancellationToken);

    private static ConsoleActionResult Found<T>(T? value, string notice)
        where T : class =>
        value is null ? ConsoleActionResult.No("not-found") : ConsoleActionResult.Ok(notice);

    private static ConsoleActionResult From<T>(AdminOutcome<T> outcome, string notice)
        where T : class =>
        outcome.IsDone ? ConsoleActionResult.Ok(notice) : ConsoleActionResult.No(outcome.Code ?? "not-found");
}
